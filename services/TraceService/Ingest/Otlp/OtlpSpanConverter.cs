using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.TraceService.Domain;
using ProtoSpan = AirisEpm.Protocols.Otlp.Proto.Span;
using Span = AirisEpm.TraceService.Domain.Span;

namespace AirisEpm.TraceService.Ingest.Otlp;

/// <summary>
/// OTLP spans as stored spans: the resource's <c>service.name</c> is the service (<c>unknown_service</c>
/// when absent, as OpenTelemetry specifies), ids become lowercase hex, start and end become start and
/// duration, kind and status keep OTLP's numbers, the scope's name and version become the attributes
/// <c>otel.scope.name</c> and <c>otel.scope.version</c> (as Jaeger shows them). Every offending span is
/// named by its path and field (<c>resourceSpans[0].scopeSpans[1].spans[2].traceId</c>); the caller
/// refuses the batch whole when there is any. Pure: no I/O, no clock.
/// </summary>
public static class OtlpSpanConverter
{
    public static List<Span> Convert(ExportTraceServiceRequest request, IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var spans = new List<Span>();
        for (var r = 0; r < request.ResourceSpans.Count; r++)
        {
            var resourceSpans = request.ResourceSpans[r];
            var resource = OtlpAttributes.ToDictionary(resourceSpans.Resource?.Attributes ?? []);
            var service = resource.TryGetValue(ServiceNames.Attribute, out var name) && name.Text.Length > 0 ? name.Text : ServiceNames.Unknown;
            for (var s = 0; s < resourceSpans.ScopeSpans.Count; s++)
            {
                var scopeSpans = resourceSpans.ScopeSpans[s];
                for (var k = 0; k < scopeSpans.Spans.Count; k++)
                {
                    if (ToSpan(scopeSpans.Spans[k], scopeSpans.Scope, service, resource, new SpanPath(r, s, k), problems) is { } span)
                    {
                        spans.Add(span);
                    }
                }
            }
        }

        return spans;
    }

    private static Span? ToSpan(
        ProtoSpan span, InstrumentationScope? scope, string service, IReadOnlyDictionary<string, AttributeValue> resource, SpanPath path, IngestProblems problems)
    {
        var before = problems.Count;
        var traceId = OtlpIds.Required(span.TraceId, OtlpIds.TraceIdBytes, out var traceProblem);
        if (traceProblem is not null) problems.Add(path.At("traceId"), traceProblem);
        var spanId = OtlpIds.Required(span.SpanId, OtlpIds.SpanIdBytes, out var spanProblem);
        if (spanProblem is not null) problems.Add(path.At("spanId"), spanProblem);
        var parentId = OtlpIds.Optional(span.ParentSpanId, OtlpIds.SpanIdBytes, out var parentProblem);
        if (parentProblem is not null) problems.Add(path.At("parentSpanId"), parentProblem);
        var (start, duration) = Times(span, path, problems);
        if (span.Kind is < ProtoSpan.Types.SpanKind.Unspecified or > ProtoSpan.Types.SpanKind.Consumer)
        {
            problems.Add(path.At("kind"), $"unknown span kind {(int)span.Kind}; OTLP's kinds are 0 to 5");
        }

        var status = span.Status?.Code ?? Status.Types.StatusCode.Unset;
        if (status is < Status.Types.StatusCode.Unset or > Status.Types.StatusCode.Error)
        {
            problems.Add(path.At("status.code"), $"unknown status code {(int)status}; OTLP's codes are 0 to 2");
        }

        var events = Events(span, path, problems);
        var links = Links(span, path, problems);
        if (problems.Count > before) return null;
        var attributes = OtlpAttributes.ToDictionary(span.Attributes, extra: 2);
        if (scope is { Name.Length: > 0 }) attributes.TryAdd("otel.scope.name", AttributeValue.Of(scope.Name));
        if (scope is { Version.Length: > 0 }) attributes.TryAdd("otel.scope.version", AttributeValue.Of(scope.Version));
        var message = span.Status?.Message is { Length: > 0 } text ? text : null;
        return new Span(traceId!, spanId!, parentId, service, span.Name, (SpanKind)span.Kind, start, duration, (SpanStatus)status, message,
            attributes, resource, events, links);
    }

    /// <summary>Start and duration in nanoseconds; a span needs a start (0 means unknown in OTLP) and cannot end before it.</summary>
    private static (long Start, long Duration) Times(ProtoSpan span, SpanPath path, IngestProblems problems)
    {
        if (span.StartTimeUnixNano == 0)
        {
            problems.Add(path.At("startTimeUnixNano"), "required: a span without a start time cannot be placed on a timeline");
            return (0, 0);
        }

        if (span.StartTimeUnixNano > long.MaxValue || span.EndTimeUnixNano > long.MaxValue)
        {
            problems.Add(path.At(span.StartTimeUnixNano > long.MaxValue ? "startTimeUnixNano" : "endTimeUnixNano"), "after the year 2262");
            return (0, 0);
        }

        if (span.EndTimeUnixNano < span.StartTimeUnixNano)
        {
            problems.Add(path.At("endTimeUnixNano"), $"{span.EndTimeUnixNano} is before startTimeUnixNano {span.StartTimeUnixNano}");
            return (0, 0);
        }

        return ((long)span.StartTimeUnixNano, (long)(span.EndTimeUnixNano - span.StartTimeUnixNano));
    }

    private static IReadOnlyList<SpanEvent> Events(ProtoSpan span, SpanPath path, IngestProblems problems)
    {
        if (span.Events.Count == 0) return [];
        var events = new List<SpanEvent>(span.Events.Count);
        for (var e = 0; e < span.Events.Count; e++)
        {
            var item = span.Events[e];
            if (item.TimeUnixNano > long.MaxValue)
            {
                problems.Add(path.At($"events[{e}].timeUnixNano"), "after the year 2262");
                continue;
            }

            events.Add(new SpanEvent((long)item.TimeUnixNano, item.Name, OtlpAttributes.ToDictionary(item.Attributes)));
        }

        return events;
    }

    private static IReadOnlyList<SpanLink> Links(ProtoSpan span, SpanPath path, IngestProblems problems)
    {
        if (span.Links.Count == 0) return [];
        var links = new List<SpanLink>(span.Links.Count);
        for (var l = 0; l < span.Links.Count; l++)
        {
            var link = span.Links[l];
            var traceId = OtlpIds.Required(link.TraceId, OtlpIds.TraceIdBytes, out var traceProblem);
            if (traceProblem is not null) problems.Add(path.At($"links[{l}].traceId"), traceProblem);
            var spanId = OtlpIds.Required(link.SpanId, OtlpIds.SpanIdBytes, out var spanProblem);
            if (spanProblem is not null) problems.Add(path.At($"links[{l}].spanId"), spanProblem);
            if (traceId is not null && spanId is not null)
            {
                links.Add(new SpanLink(traceId, spanId, OtlpAttributes.ToDictionary(link.Attributes)));
            }
        }

        return links;
    }
}
