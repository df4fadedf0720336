using System.Text;
using System.Text.Json;
using AirisEpm.Protocols;
using AirisEpm.Protocols.Ingest;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// Zipkin v2 JSON (<c>POST /api/v2/spans</c>: an array of spans, what daprd's tracing exporter sends) as
/// stored spans, in one forward pass of <see cref="Utf8JsonReader"/>. <c>timestamp</c> and <c>duration</c>
/// are microseconds; <c>localEndpoint.serviceName</c> is the service; <c>annotations</c> become events;
/// <c>tags</c> become string attributes (Zipkin's tags are strings); the rest of the mapping is
/// <see cref="ZipkinSpanDraft.Build"/>, shared with the proto3 reader. A span without <c>kind</c> is INTERNAL, as
/// OpenTelemetry's Zipkin exporter omits it for INTERNAL spans. Unknown fields are ignored (as Zipkin does);
/// a value of the wrong type is a problem named by index and field (<c>[3].timestamp</c>). JSON that does
/// not parse throws <see cref="MalformedPayloadException"/>.
/// </summary>
public static class ZipkinSpanReader
{
    public static List<Span> Read(ReadOnlySpan<byte> body, IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        var spans = new List<Span>();
        var resources = new Dictionary<string, IReadOnlyDictionary<string, AttributeValue>>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new MalformedPayloadException("Zipkin v2: the body must be a JSON array of spans.");
            }

            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    ZipkinJson.Wrong(ref reader, new ZipkinPath(index), "a span object", problems);
                }
                else if (ReadSpan(ref reader, new ZipkinPath(index), resources, problems) is { } span)
                {
                    spans.Add(span);
                }
            }

            // The reader has the whole body as its final block, so a cut body throws as it is read; this also
            // catches one that ends right after a nested array closes.
            if (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != 0)
            {
                throw new MalformedPayloadException("Zipkin v2: the body ends before the array of spans does.");
            }

            if (reader.Read()) throw new MalformedPayloadException("Zipkin v2: content after the array of spans.");
        }
        catch (JsonException e)
        {
            throw new MalformedPayloadException("Zipkin v2 JSON: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            // Strings that are not valid UTF-8 fail when read.
            throw new MalformedPayloadException("Zipkin v2 JSON: " + e.Message);
        }

        return spans;
    }

    private static Span? ReadSpan(
        ref Utf8JsonReader reader, ZipkinPath path, Dictionary<string, IReadOnlyDictionary<string, AttributeValue>> resources, IngestProblems problems)
    {
        var before = problems.Count;
        var span = new ZipkinSpanDraft();
        bool sawTraceId = false, sawId = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("traceId")) { sawTraceId = true; span.TraceId = ZipkinIds.TraceId(ZipkinJson.String(ref reader, path.Then("traceId"), problems), path.Then("traceId"), problems); }
            else if (reader.ValueTextEquals("id")) { sawId = true; span.Id = ZipkinIds.SpanId(ZipkinJson.String(ref reader, path.Then("id"), problems), path.Then("id"), problems); }
            else if (reader.ValueTextEquals("parentId")) span.ParentId = ZipkinIds.ParentId(ZipkinJson.String(ref reader, path.Then("parentId"), problems), path.Then("parentId"), problems);
            else if (reader.ValueTextEquals("name")) span.Name = ZipkinJson.String(ref reader, path.Then("name"), problems);
            else if (reader.ValueTextEquals("kind")) span.Kind = Kind(ZipkinJson.String(ref reader, path.Then("kind"), problems), path, problems);
            else if (reader.ValueTextEquals("timestamp")) { var n = problems.Count; span.Timestamp = ZipkinJson.Integer(ref reader, path.Then("timestamp"), ZipkinSpanDraft.MaxMicros, problems); span.BadTimestamp = problems.Count > n; }
            else if (reader.ValueTextEquals("duration")) span.Duration = ZipkinJson.Integer(ref reader, path.Then("duration"), ZipkinSpanDraft.MaxMicros, problems);
            else if (reader.ValueTextEquals("localEndpoint")) span.Local = ZipkinEndpoint.Read(ref reader, path.Then("localEndpoint"), problems);
            else if (reader.ValueTextEquals("remoteEndpoint")) span.Remote = ZipkinEndpoint.Read(ref reader, path.Then("remoteEndpoint"), problems);
            else if (reader.ValueTextEquals("annotations")) span.Events = ReadAnnotations(ref reader, path.Then("annotations"), problems);
            else if (reader.ValueTextEquals("tags")) ReadTags(ref reader, path.Then("tags"), span.Tags, problems);
            else if (reader.ValueTextEquals("shared")) span.Shared = ZipkinJson.Boolean(ref reader, path.Then("shared"), problems) == true;
            else if (reader.ValueTextEquals("debug")) span.Debug = ZipkinJson.Boolean(ref reader, path.Then("debug"), problems) == true;
            else ZipkinJson.SkipValue(ref reader);
        }

        if (!sawTraceId) ZipkinIds.TraceId(null, path.Then("traceId"), problems);
        if (!sawId) ZipkinIds.SpanId(null, path.Then("id"), problems);
        return span.Build(path, resources, problems, before);
    }

    private static SpanKind Kind(string? kind, ZipkinPath path, IngestProblems problems)
    {
        switch (kind)
        {
            case null or "": return SpanKind.Internal;
            case "CLIENT": return SpanKind.Client;
            case "SERVER": return SpanKind.Server;
            case "PRODUCER": return SpanKind.Producer;
            case "CONSUMER": return SpanKind.Consumer;
            default:
                problems.Add(path.Then("kind").ToString(), $"'{kind}' is not CLIENT, SERVER, PRODUCER or CONSUMER");
                return SpanKind.Unspecified;
        }
    }

    private static List<SpanEvent>? ReadAnnotations(ref Utf8JsonReader reader, ZipkinPath path, IngestProblems problems)
    {
        if (!ZipkinJson.StartArray(ref reader, path, problems)) return null;
        var events = new List<SpanEvent>();
        for (var a = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; a++)
        {
            var at = new ZipkinPath(path.Index, $"annotations[{a}]");
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                ZipkinJson.Wrong(ref reader, at, "an annotation object", problems);
                continue;
            }

            long? timestamp = null;
            string? value = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("timestamp")) timestamp = ZipkinJson.Integer(ref reader, at.Then("timestamp"), ZipkinSpanDraft.MaxMicros, problems);
                else if (reader.ValueTextEquals("value")) value = ZipkinJson.String(ref reader, at.Then("value"), problems);
                else ZipkinJson.SkipValue(ref reader);
            }

            if (timestamp is null) problems.Add(at.Then("timestamp").ToString(), "required: microseconds since the epoch");
            else events.Add(new SpanEvent(timestamp.Value * 1000, value ?? "", new Dictionary<string, AttributeValue>()));
        }

        return events;
    }

    /// <summary>Tag values are strings; numbers and booleans (some tracers send them) are kept as their JSON text.</summary>
    private static void ReadTags(ref Utf8JsonReader reader, ZipkinPath path, Dictionary<string, AttributeValue> tags, IngestProblems problems)
    {
        if (!ZipkinJson.StartObject(ref reader, path, problems)) return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    tags[key] = AttributeValue.Of(reader.GetString()!);
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    tags[key] = AttributeValue.Of(Encoding.UTF8.GetString(reader.ValueSpan));
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    ZipkinJson.Wrong(ref reader, path.Then(key), "a string", problems);
                    break;
            }
        }
    }
}
