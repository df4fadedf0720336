using AirisEpm.TraceService.Analysis.Bottlenecks;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Anomalies;

/// <summary>Spans grouped per (service, operation) and time bucket of their start, as the observations an <see cref="AnomalyDetector{TKey}"/> takes.</summary>
public static class OperationBuckets
{
    /// <summary>Every (operation, bucket) with its observation, in bucket order, then by key.</summary>
    public static IReadOnlyList<(OperationKey Key, long BucketStartNs, BucketObservation Observation)> From(IEnumerable<Span> spans, long bucketNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketNs, 1);
        var stats = new Dictionary<(OperationKey, long), BucketStats>();
        foreach (var span in spans)
        {
            var bucket = span.StartNs - (((span.StartNs % bucketNs) + bucketNs) % bucketNs);
            var key = (new OperationKey(span.Service, span.Name), bucket);
            if (!stats.TryGetValue(key, out var s))
                stats[key] = s = new BucketStats();
            s.Add(span.DurationNs, span.IsError, span.TraceId);
        }
        return stats
            .OrderBy(s => s.Key.Item2).ThenBy(s => s.Key.Item1.Service, StringComparer.Ordinal).ThenBy(s => s.Key.Item1.Operation, StringComparer.Ordinal)
            .Select(s => (s.Key.Item1, s.Key.Item2, new BucketObservation(s.Value.Calls, s.Value.Errors, s.Value.Latency.Quantile(0.95))))
            .ToList();
    }
}
