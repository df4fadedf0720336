using AirisEpm.TraceService.Analysis.CriticalPaths;

namespace AirisEpm.TraceService.Analysis.Bottlenecks;

/// <summary>
/// Where the time goes across many traces: per (service, operation), the sum of its spans'
/// critical-path time and self time, ranked by critical time. Critical time is what shortening the
/// operation would save end to end; self time is what the operation spends outside its children,
/// whether or not anyone waited. Ties rank by self time, then by name, so the ranking is deterministic.
/// O(spans) plus the sort.
/// </summary>
public static class BottleneckAnalyzer
{
    public static BottleneckReport Analyze(IEnumerable<CriticalPathResult> traces)
    {
        var sums = new Dictionary<OperationKey, (long Critical, long Self, long Spans, long Traces)>();
        var seenInTrace = new HashSet<OperationKey>();
        long traceCount = 0;
        foreach (var trace in traces)
        {
            traceCount++;
            seenInTrace.Clear();
            foreach (var timing in trace.Timings)
            {
                var key = new OperationKey(timing.Span.Service, timing.Span.Name);
                var sum = sums.GetValueOrDefault(key);
                var firstInTrace = seenInTrace.Add(key) ? 1 : 0;
                sums[key] = (sum.Critical + timing.CriticalNs, sum.Self + timing.SelfNs, sum.Spans + 1, sum.Traces + firstInTrace);
            }
        }

        var total = sums.Values.Sum(s => s.Critical);
        var ranked = sums
            .OrderByDescending(s => s.Value.Critical).ThenByDescending(s => s.Value.Self)
            .ThenBy(s => s.Key.Service, StringComparer.Ordinal).ThenBy(s => s.Key.Operation, StringComparer.Ordinal)
            .Select((s, i) => new Bottleneck(s.Key, i + 1, total == 0 ? 0 : (double)s.Value.Critical / total,
                s.Value.Critical, s.Value.Self, s.Value.Spans, s.Value.Traces))
            .ToList();
        return new BottleneckReport(ranked, traceCount, total);
    }

    /// <summary>Every operation of either report, largest share change first.</summary>
    public static IReadOnlyList<BottleneckChange> Compare(BottleneckReport before, BottleneckReport after)
    {
        var earlier = before.Ranked.ToDictionary(b => b.Key);
        var later = after.Ranked.ToDictionary(b => b.Key);
        return earlier.Keys.Union(later.Keys)
            .Select(key =>
            {
                var (b, a) = (earlier.GetValueOrDefault(key), later.GetValueOrDefault(key));
                return new BottleneckChange(key, b, a, (a?.Share ?? 0) - (b?.Share ?? 0),
                    (a?.MeanCriticalNsPerTrace ?? 0) - (b?.MeanCriticalNsPerTrace ?? 0));
            })
            .OrderByDescending(c => Math.Abs(c.ShareChange))
            .ThenBy(c => c.Key.Service, StringComparer.Ordinal).ThenBy(c => c.Key.Operation, StringComparer.Ordinal)
            .ToList();
    }
}
