using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// What the extractor keeps of a span: enough to form a call, not the span's attributes, and none of its own strings
/// (ids as numbers, service and peer names shared through <paramref name="names"/>). A span stays here for seconds,
/// long enough to be promoted by the garbage collector: holding its id strings too made every young collection copy
/// them, which cost more CPU than the graph's work itself.
/// </summary>
internal sealed class SeenSpan(Span span, long sequence, long arrivedNs, NamePool names)
{
    public SpanKey Key { get; } = SpanKey.Of(span.TraceId, span.SpanId);

    public SpanKey? ParentKey { get; } = string.IsNullOrEmpty(span.ParentSpanId) ? null : SpanKey.Of(span.TraceId, span.ParentSpanId);

    public string Service { get; } = names.Shared(span.Service);

    public SpanKind Kind { get; } = span.Kind;

    public long StartNs { get; } = span.StartNs;

    public long DurationNs { get; } = span.DurationNs;

    public bool IsError { get; } = span.IsError;

    public (string Name, TargetKind Kind)? Peer { get; } =
        span.Kind is SpanKind.Client or SpanKind.Producer && PeerName.Of(span) is { } peer ? (names.Shared(peer.Name), peer.Kind) : null;

    /// <summary>Tells this entry from a later one with the same key in the arrival queue.</summary>
    public long Sequence { get; } = sequence;

    public long ArrivedNs { get; } = arrivedNs;

    /// <summary>Some child of this span has been seen, so its callee is not virtual.</summary>
    public bool HasChild { get; set; }

    /// <summary>Counted as a call to its virtual peer.</summary>
    public bool CountedVirtual { get; set; }

    /// <summary>In the index of children whose parent has not arrived (<see cref="RecentSpans"/> keeps it).</summary>
    public bool WaitingForParent { get; set; }

    /// <summary>Handed to the replicas' shared state, which decides its calls from then on.</summary>
    public bool Shared { get; set; }

    public bool AwaitsPeerDecision => Kind is SpanKind.Client or SpanKind.Producer && !HasChild && !CountedVirtual && !Shared;
}
