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
/// <c>tags</c> become string attributes (Zipkin's tags are strings), less the status tags
/// (<see cref="ZipkinStatus"/>), plus the remote side (<see cref="ZipkinRemoteEndpoint"/>) and
/// <c>zipkin.shared</c> / <c>zipkin.debug</c> when set. A span without <c>kind</c> is INTERNAL, as
/// OpenTelemetry's Zipkin exporter omits it for INTERNAL spans. Unknown fields are ignored (as Zipkin does);
/// a value of the wrong type is a problem named by index and field (<c>[3].timestamp</c>). JSON that does
/// not parse throws <see cref="MalformedPayloadException"/>.
/// </summary>
public static class ZipkinSpanReader
{
    /// <summary>Microseconds that still fit in nanoseconds as a long (the year 2262).</summary>
    private const long MaxMicros = long.MaxValue / 1000;

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
        string? traceId = null, id = null, parentId = null, name = null, kindText = null;
        long? timestamp = null, duration = null;
        bool? shared = null, debug = null;
        ZipkinEndpoint? local = null, remote = null;
        List<SpanEvent>? events = null;
        var tags = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        bool sawTraceId = false, sawId = false, badTimestamp = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("traceId")) { sawTraceId = true; traceId = ZipkinIds.TraceId(ZipkinJson.String(ref reader, path.Then("traceId"), problems), path.Then("traceId"), problems); }
            else if (reader.ValueTextEquals("id")) { sawId = true; id = ZipkinIds.SpanId(ZipkinJson.String(ref reader, path.Then("id"), problems), path.Then("id"), problems); }
            else if (reader.ValueTextEquals("parentId")) parentId = ZipkinIds.ParentId(ZipkinJson.String(ref reader, path.Then("parentId"), problems), path.Then("parentId"), problems);
            else if (reader.ValueTextEquals("name")) name = ZipkinJson.String(ref reader, path.Then("name"), problems);
            else if (reader.ValueTextEquals("kind")) kindText = ZipkinJson.String(ref reader, path.Then("kind"), problems);
            else if (reader.ValueTextEquals("timestamp")) { var n = problems.Count; timestamp = ZipkinJson.Integer(ref reader, path.Then("timestamp"), MaxMicros, problems); badTimestamp = problems.Count > n; }
            else if (reader.ValueTextEquals("duration")) duration = ZipkinJson.Integer(ref reader, path.Then("duration"), MaxMicros, problems);
            else if (reader.ValueTextEquals("localEndpoint")) local = ZipkinEndpoint.Read(ref reader, path.Then("localEndpoint"), problems);
            else if (reader.ValueTextEquals("remoteEndpoint")) remote = ZipkinEndpoint.Read(ref reader, path.Then("remoteEndpoint"), problems);
            else if (reader.ValueTextEquals("annotations")) events = ReadAnnotations(ref reader, path.Then("annotations"), problems);
            else if (reader.ValueTextEquals("tags")) ReadTags(ref reader, path.Then("tags"), tags, problems);
            else if (reader.ValueTextEquals("shared")) shared = ZipkinJson.Boolean(ref reader, path.Then("shared"), problems);
            else if (reader.ValueTextEquals("debug")) debug = ZipkinJson.Boolean(ref reader, path.Then("debug"), problems);
            else ZipkinJson.SkipValue(ref reader);
        }

        if (!sawTraceId) ZipkinIds.TraceId(null, path.Then("traceId"), problems);
        if (!sawId) ZipkinIds.SpanId(null, path.Then("id"), problems);
        if ((timestamp is null or 0) && !badTimestamp) problems.Add(path.Then("timestamp").ToString(), "required: microseconds since the epoch when the span started");
        var kind = Kind(kindText, path, problems);
        var end = (timestamp ?? 0) + (duration ?? 0);
        if (end > MaxMicros) problems.Add(path.Then("duration").ToString(), "the span would end after the year 2262");
        if (problems.Count > before || traceId is null || id is null || timestamp is not > 0) return null;

        var (status, message) = ZipkinStatus.Take(tags);
        ZipkinRemoteEndpoint.AddTo(tags, remote, kind);
        if (shared == true) tags["zipkin.shared"] = new AttributeValue(AttributeType.Bool, "true");
        if (debug == true) tags["zipkin.debug"] = new AttributeValue(AttributeType.Bool, "true");
        var service = local?.ServiceName ?? ServiceNames.Unknown;
        if (!resources.TryGetValue(service, out var resource))
        {
            resources[service] = resource = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [ServiceNames.Attribute] = AttributeValue.Of(service) };
        }

        return new Span(traceId, id, parentId, service, name ?? "", kind, timestamp.Value * 1000, (duration ?? 0) * 1000, status, message,
            tags, resource, (IReadOnlyList<SpanEvent>?)events ?? [], []);
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
                if (reader.ValueTextEquals("timestamp")) timestamp = ZipkinJson.Integer(ref reader, at.Then("timestamp"), MaxMicros, problems);
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
