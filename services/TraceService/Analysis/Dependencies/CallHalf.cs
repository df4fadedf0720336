using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// One half of a possible cross-service call that this replica could not pair alone, handed to the replicas' shared
/// state (<see cref="SharedPair"/>): a caller whose wait ended without a child here, or a callee whose parent has not
/// arrived here. <see cref="ParentKey"/> is what both halves of one call share: the caller's trace id and span id.
/// </summary>
public abstract record CallHalf(string TraceId, string ParentSpanId)
{
    public string ParentKey => TraceId + "-" + ParentSpanId;
}

/// <summary>A client or producer span: its peer names the virtual callee if no child turns up anywhere.</summary>
public sealed record CallerHalf(string TraceId, string SpanId, string Service, SpanKind Kind, bool IsError, long StartNs, long DurationNs, string? PeerName, TargetKind PeerKind)
    : CallHalf(TraceId, SpanId);

/// <summary>A server or consumer span whose parent span is in another request, possibly at another replica.</summary>
public sealed record CalleeHalf(string TraceId, string ParentSpanId, string SpanId, string Service, bool IsError, long DurationNs)
    : CallHalf(TraceId, ParentSpanId);
