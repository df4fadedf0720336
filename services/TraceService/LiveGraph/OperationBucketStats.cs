using AirisEpm.TraceService.Analysis.Bottlenecks;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>
/// Calls, errors and latencies per entry operation (the server and consumer spans a service answers: what its
/// callers feel) and bucket of the span's start, kept only until the bucket closes and its anomalies are judged
/// (<see cref="Analysis.Anomalies.OperationBuckets"/> does the same over stored spans). Internal and client spans
/// are left out: they are parts of an operation, and client calls are the graph's edges already. One lock.
/// </summary>
public sealed class OperationBucketStats(long bucketNs)
{
    private readonly SortedDictionary<long, Dictionary<OperationKey, BucketStats>> _buckets = [];
    private readonly Lock _lock = new();

    public void Record(IReadOnlyList<Span> spans)
    {
        lock (_lock)
        {
            foreach (var span in spans)
            {
                if (span.Kind is not (SpanKind.Server or SpanKind.Consumer))
                    continue;
                var start = span.StartNs - (((span.StartNs % bucketNs) + bucketNs) % bucketNs);
                if (!_buckets.TryGetValue(start, out var operations))
                    _buckets[start] = operations = [];
                var key = new OperationKey(span.Service, span.Name);
                if (!operations.TryGetValue(key, out var stats))
                    operations[key] = stats = new BucketStats();
                stats.Add(span.DurationNs, span.IsError, span.TraceId);
            }
        }
    }

    /// <summary>Removes and returns the buckets starting before the cutoff, in time order, then by service and operation.</summary>
    public IReadOnlyList<(long BucketStartNs, OperationKey Operation, BucketStats Stats)> TakeBefore(long cutoffNs)
    {
        lock (_lock)
        {
            var taken = new List<(long, OperationKey, BucketStats)>();
            foreach (var start in _buckets.Keys.TakeWhile(k => k < cutoffNs).ToList())
            {
                _buckets.Remove(start, out var operations);
                taken.AddRange(operations!
                    .OrderBy(o => o.Key.Service, StringComparer.Ordinal).ThenBy(o => o.Key.Operation, StringComparer.Ordinal)
                    .Select(o => (start, o.Key, o.Value)));
            }
            return taken;
        }
    }
}
