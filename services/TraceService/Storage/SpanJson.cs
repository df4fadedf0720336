using System.Text.Json;
using System.Text.Json.Serialization;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// Events and links as JSON text: nothing searches inside them, they are only read back with their span,
/// so one text column each is the cheapest to write and keeps every attribute's type
/// (<c>[{"t":…,"n":"…","a":{"key":{"t":2,"v":"5"}}}]</c>).
/// </summary>
public static class SpanJson
{
    public static string Events(IReadOnlyList<SpanEvent> events) =>
        events.Count == 0 ? "[]" : JsonSerializer.Serialize(events.Select(e => new EventJson(e.TimeNs, e.Name, Attributes(e.Attributes))).ToList(), SpanJsonContext.Default.ListEventJson);

    public static string Links(IReadOnlyList<SpanLink> links) =>
        links.Count == 0 ? "[]" : JsonSerializer.Serialize(links.Select(l => new LinkJson(l.TraceId, l.SpanId, Attributes(l.Attributes))).ToList(), SpanJsonContext.Default.ListLinkJson);

    public static IReadOnlyList<SpanEvent> ReadEvents(string json) =>
        json == "[]" ? [] : [.. JsonSerializer.Deserialize(json, SpanJsonContext.Default.ListEventJson)!.Select(e => new SpanEvent(e.T, e.N, Attributes(e.A)))];

    public static IReadOnlyList<SpanLink> ReadLinks(string json) =>
        json == "[]" ? [] : [.. JsonSerializer.Deserialize(json, SpanJsonContext.Default.ListLinkJson)!.Select(l => new SpanLink(l.Trace, l.Span, Attributes(l.A)))];

    private static Dictionary<string, ValueJson> Attributes(IReadOnlyDictionary<string, AttributeValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => new ValueJson((byte)a.Value.Type, a.Value.Text), StringComparer.Ordinal);

    private static Dictionary<string, AttributeValue> Attributes(Dictionary<string, ValueJson> attributes) =>
        attributes.ToDictionary(a => a.Key, a => new AttributeValue((AttributeType)a.Value.T, a.Value.V), StringComparer.Ordinal);
}

internal sealed record ValueJson(byte T, string V);

internal sealed record EventJson(long T, string N, Dictionary<string, ValueJson> A);

internal sealed record LinkJson(string Trace, string Span, Dictionary<string, ValueJson> A);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<EventJson>))]
[JsonSerializable(typeof(List<LinkJson>))]
internal sealed partial class SpanJsonContext : JsonSerializerContext;
