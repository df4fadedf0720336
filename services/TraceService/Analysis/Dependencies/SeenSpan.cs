using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>What the extractor keeps of a span: enough to form a call, not the span's attributes.</summary>
internal sealed class SeenSpan(Span span, long sequence, long arrivedNs)
{
    public SpanKey Key { get; } = new(span.TraceId, span.SpanId);

    public SpanKey? ParentKey { get; } = string.IsNullOrEmpty(span.ParentSpanId) ? null : new(span.TraceId, span.ParentSpanId);

    public string Service { get; } = span.Service;

    public SpanKind Kind { get; } = span.Kind;

    public long StartNs { get; } = span.StartNs;

    public long DurationNs { get; } = span.DurationNs;

    public bool IsError { get; } = span.IsError;

    public (string Name, TargetKind Kind)? Peer { get; } =
        span.Kind is SpanKind.Client or SpanKind.Producer ? PeerName.Of(span) : null;

    /// <summary>Tells this entry from a later one with the same key in the arrival queue.</summary>
    public long Sequence { get; } = sequence;

    public long ArrivedNs { get; } = arrivedNs;

    /// <summary>Some child of this span has been seen, so its callee is not virtual.</summary>
    public bool HasChild { get; set; }

    /// <summary>Counted as a call to its virtual peer.</summary>
    public bool CountedVirtual { get; set; }

    /// <summary>Handed to the replicas' shared state, which decides its calls from then on.</summary>
    public bool Shared { get; set; }

    public bool AwaitsPeerDecision => Kind is SpanKind.Client or SpanKind.Producer && !HasChild && !CountedVirtual && !Shared;
}

internal readonly record struct SpanKey(string TraceId, string SpanId);
