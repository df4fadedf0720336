using AirisEpm.Protocols.Ingest;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// One Zipkin v2 span's fields as either encoding gives them (JSON: <see cref="ZipkinSpanReader"/>, proto3:
/// <see cref="ZipkinProtoReader"/>), and the stored span they make (<see cref="Build"/>): the checks that need the whole
/// span, the status from the tags (<see cref="ZipkinStatus"/>), the remote side as attributes
/// (<see cref="ZipkinRemoteEndpoint"/>), <c>zipkin.shared</c> / <c>zipkin.debug</c> when set, and the resource by
/// local service name (shared by the batch's spans of one service). A reader adds the problems of single fields
/// itself (a missing or bad id too) and leaves a field it refused null.
/// </summary>
internal sealed class ZipkinSpanDraft
{
    /// <summary>Microseconds that still fit in nanoseconds as a long (the year 2262).</summary>
    public const long MaxMicros = long.MaxValue / 1000;

    public string? TraceId { get; set; }

    public string? Id { get; set; }

    public string? ParentId { get; set; }

    public string? Name { get; set; }

    public SpanKind Kind { get; set; } = SpanKind.Internal;

    /// <summary>Microseconds since the epoch; null or 0 when absent.</summary>
    public long? Timestamp { get; set; }

    /// <summary>The timestamp was present but refused (its problem is named already).</summary>
    public bool BadTimestamp { get; set; }

    public long? Duration { get; set; }

    public ZipkinEndpoint? Local { get; set; }

    public ZipkinEndpoint? Remote { get; set; }

    public List<SpanEvent>? Events { get; set; }

    public Dictionary<string, AttributeValue> Tags { get; } = new(StringComparer.Ordinal);

    public bool Shared { get; set; }

    public bool Debug { get; set; }

    /// <summary>The span, or null when it has a problem (every problem of its own is added first).</summary>
    public Span? Build(ZipkinPath path, Dictionary<string, IReadOnlyDictionary<string, AttributeValue>> resources, IngestProblems problems, int problemsBefore)
    {
        if (Timestamp is null or 0 && !BadTimestamp) problems.Add(path.Then("timestamp").ToString(), "required: microseconds since the epoch when the span started");
        if ((Timestamp ?? 0) + (Duration ?? 0) > MaxMicros) problems.Add(path.Then("duration").ToString(), "the span would end after the year 2262");
        if (problems.Count > problemsBefore || TraceId is null || Id is null || Timestamp is not > 0) return null;

        var (status, message) = ZipkinStatus.Take(Tags);
        ZipkinRemoteEndpoint.AddTo(Tags, Remote, Kind);
        if (Shared) Tags["zipkin.shared"] = new AttributeValue(AttributeType.Bool, "true");
        if (Debug) Tags["zipkin.debug"] = new AttributeValue(AttributeType.Bool, "true");
        var service = Local?.ServiceName ?? ServiceNames.Unknown;
        if (!resources.TryGetValue(service, out var resource))
        {
            resources[service] = resource = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [ServiceNames.Attribute] = AttributeValue.Of(service) };
        }

        return new Span(TraceId, Id, ParentId, service, Name ?? "", Kind, Timestamp.Value * 1000, (Duration ?? 0) * 1000, status, message,
            Tags, resource, (IReadOnlyList<SpanEvent>?)Events ?? [], []);
    }
}
