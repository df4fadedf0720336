namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// Counters of a <see cref="DependencyExtractor"/>. <see cref="LateChildren"/>: children that arrived
/// after their caller had already been counted as a call to a virtual node (the call is counted once);
/// <see cref="EvictedUndecided"/>: callers pushed out by capacity before their wait ended (no call
/// counted); <see cref="UnnamedPeers"/>: unmatched callers with no attribute naming the callee; <see cref="Entries"/>:
/// calls from the entry caller (entry spans); <see cref="Shared"/>: halves handed to the replicas' shared state;
/// <see cref="Waiting"/>: spans queued for the end of a wait (never more than <see cref="Tracked"/> allows).
/// </summary>
public sealed record DependencyExtractorStats(
    long Matched, long Virtual, long UnnamedPeers, long LateChildren, long EvictedUndecided, long Duplicates, int Tracked, long Entries = 0, long Shared = 0, int Waiting = 0);
