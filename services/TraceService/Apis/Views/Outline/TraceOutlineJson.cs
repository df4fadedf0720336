using System.Text.Json;
using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Apis.Views.Outline;

/// <summary>
/// Writes a <see cref="TraceOutline"/> as columns, one array per field, a number per span:
/// <code>
/// {"traceId":"…","startNs":…,"endNs":…,"durationNs":…,"spanCount":n,"services":[…],"clockSkewAdjusted":false,
///  "spans":{"spanId":[…],"parent":[-1,0,…],"service":[i…],"name":[i…],"kind":[2,…],"status":[0,…],
///           "startNs":[offset…],"durationNs":[…],"skewNs":[…],"criticalNs":[…],"selfNs":[…],"attributes":[[key,value,…],…]},
///  "criticalPath":{"totalNs":…,"segments":[position,startOffset,duration,…]},
///  "strings":["batch-importer",…]}
/// </code>
/// Kind and status are OTLP's numbers; <c>service</c>, <c>name</c> and the attribute keys and values (their text) index
/// <c>strings</c>, which comes last because it fills as the columns are written; times in the columns are ns after the
/// trace's <c>startNs</c> (exact in JavaScript, where the Unix ns are not).
/// </summary>
internal static class TraceOutlineJson
{
    public static void Write(Utf8JsonWriter json, string traceId, TraceOutline outline)
    {
        var spans = outline.Adjusted.Spans;
        var start = long.MaxValue;
        var end = long.MinValue;
        var services = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            start = Math.Min(start, span.StartNs);
            end = Math.Max(end, span.EndNs);
            services.Add(span.Service);
        }

        var skews = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var shift in outline.Adjusted.Shifts) skews[shift.SpanId] = shift.DeltaNs;

        json.WriteStartObject();
        json.WriteString("traceId", traceId);
        json.WriteNumber("startNs", start);
        json.WriteNumber("endNs", end);
        json.WriteNumber("durationNs", end - start);
        json.WriteNumber("spanCount", outline.Order.Count);
        json.WriteStartArray("services");
        foreach (var service in services) json.WriteStringValue(service);
        json.WriteEndArray();
        json.WriteBoolean("clockSkewAdjusted", outline.Adjusted.Shifts.Count > 0);

        var order = outline.Order;
        var strings = outline.Strings;
        var timings = outline.Path.Timings;
        json.WriteStartObject("spans");
        Column(json, "spanId", order, (w, n) => w.WriteStringValue(n.Span.SpanId));
        json.WriteStartArray("parent");
        foreach (var parent in outline.Parents) json.WriteNumberValue(parent);
        json.WriteEndArray();
        Column(json, "service", order, (w, n) => w.WriteNumberValue(strings[n.Span.Service]));
        Column(json, "name", order, (w, n) => w.WriteNumberValue(strings[n.Span.Name]));
        Column(json, "kind", order, (w, n) => w.WriteNumberValue((int)n.Span.Kind));
        Column(json, "status", order, (w, n) => w.WriteNumberValue((int)n.Span.Status));
        Column(json, "startNs", order, (w, n) => w.WriteNumberValue(n.Span.StartNs - start));
        Column(json, "durationNs", order, (w, n) => w.WriteNumberValue(n.Span.DurationNs));
        Column(json, "skewNs", order, (w, n) => w.WriteNumberValue(skews.GetValueOrDefault(n.Span.SpanId)));
        Column(json, "criticalNs", order, (w, n) => w.WriteNumberValue(timings[n.Index].CriticalNs));
        Column(json, "selfNs", order, (w, n) => w.WriteNumberValue(timings[n.Index].SelfNs));
        Column(json, "attributes", order, (w, n) => Attributes(w, n.Span, strings));
        json.WriteEndObject();

        json.WriteStartObject("criticalPath");
        json.WriteNumber("totalNs", outline.Path.TotalNs);
        json.WriteStartArray("segments");
        foreach (var segment in outline.Path.Segments)
        {
            json.WriteNumberValue(outline.PositionOf[outline.Adjusted.Tree.Find(segment.SpanId)!.Index]);
            json.WriteNumberValue(segment.StartNs - start);
            json.WriteNumberValue(segment.DurationNs);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("strings");
        foreach (var text in strings.Texts) json.WriteStringValue(text);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Column(Utf8JsonWriter json, string name, IReadOnlyList<TraceNode> order, Action<Utf8JsonWriter, TraceNode> value)
    {
        json.WriteStartArray(name);
        foreach (var node in order) value(json, node);
        json.WriteEndArray();
    }

    private static void Attributes(Utf8JsonWriter json, Span span, StringTable strings)
    {
        json.WriteStartArray();
        foreach (var (key, value) in span.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            json.WriteNumberValue(strings[key]);
            json.WriteNumberValue(strings[value.Text]);
        }

        json.WriteEndArray();
    }
}
