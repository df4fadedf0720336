namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// What the replicas share about one caller span (key <see cref="CallHalf.ParentKey"/>): its callees seen so far
/// and, once its wait ended somewhere, the caller and how it was decided. Every change is a compare-and-swap on the
/// stored value (the state store's ETag), so the change that brings the second half of a call is made by exactly one
/// replica, and that replica counts the call:
/// <code>
///   callee first:  {callees: [s]}             then caller: {caller, callees: [s]}   caller counts caller → s
///   caller first:  {caller (virtual), []}      the caller counts the virtual peer;   a later callee is late (as one replica does)
///   both at once:  one CAS wins, the other reads the winner's value and retries: the pair is counted once.
/// </code>
/// Pure: <see cref="WithCaller"/> and <see cref="WithCallee"/> give the next value (null: nothing to save) and the calls
/// the change makes, which the caller records only once the save succeeded.
/// </summary>
public sealed record SharedPair(SharedCaller? Caller, IReadOnlyList<SharedCallee> Callees)
{
    public static (SharedPair? Next, IReadOnlyList<ServiceCall> Calls) WithCaller(SharedPair? current, CallerHalf caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (current?.Caller is not null) return (null, []); // the same span logged twice (a retried export); decided already
        var callees = current?.Callees ?? [];
        // Unnamed and alone it counts nothing, and a late callee still makes the call (as on one replica).
        var isVirtual = callees.Count == 0 && caller.PeerName is not null;
        var next = new SharedPair(new SharedCaller(caller.Service, isVirtual, caller.IsError, caller.StartNs, caller.Kind), callees);
        if (callees.Count > 0) return (next, [.. callees.Where(c => c.Service != caller.Service).Select(c => Call(next.Caller!, c, caller.TraceId))]);
        return (next, caller.PeerName is { } peer
            ? [new ServiceCall(caller.Service, peer, caller.PeerKind, caller.DurationNs, caller.IsError, caller.TraceId, caller.StartNs)]
            : []);
    }

    public static (SharedPair? Next, IReadOnlyList<ServiceCall> Calls) WithCallee(SharedPair? current, CalleeHalf callee)
    {
        ArgumentNullException.ThrowIfNull(callee);
        var callees = current?.Callees ?? [];
        if (callees.Any(c => c.SpanId == callee.SpanId && c.Service == callee.Service)) return (null, []);
        var own = new SharedCallee(callee.SpanId, callee.Service, callee.IsError, callee.DurationNs);
        var next = new SharedPair(current?.Caller, [.. callees, own]);
        // A caller decided virtual before this callee came is a late child, counted nowhere (as on one replica).
        return current?.Caller is { IsVirtual: false } caller && caller.Service != callee.Service
            ? (next, [Call(caller, own, callee.TraceId)])
            : (next, []);
    }

    private static ServiceCall Call(SharedCaller caller, SharedCallee callee, string traceId) =>
        new(caller.Service, callee.Service, TargetKind.Service, callee.DurationNs, callee.IsError || caller.IsError, traceId, caller.StartNs);
}

/// <summary>The caller of a <see cref="SharedPair"/> once its wait ended: counted as a call to its virtual peer when no callee had come.</summary>
public sealed record SharedCaller(string Service, bool IsVirtual, bool IsError, long StartNs, Domain.SpanKind Kind);

/// <summary>One callee of a <see cref="SharedPair"/>.</summary>
public sealed record SharedCallee(string SpanId, string Service, bool IsError, long DurationNs);
