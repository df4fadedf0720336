using AirisEpm.ServiceDefaults.Events.Contracts;
using AirisEpm.TraceService.Analysis.Anomalies;
using AirisEpm.TraceService.Analysis.Bottlenecks;
using AirisEpm.TraceService.Analysis.Graph;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>
/// Judges each closed bucket of every edge and entry operation against its own baseline (one
/// <see cref="AnomalyDetector{TKey}"/> per kind of key: p95 latency and error rate) and words what it flags as
/// <see cref="TracesAnomalyDetected"/> events. Deterministic: the same buckets in the same order give the same
/// events (bar the event ids), and a bucket judged once is never judged again (late rows of a closed bucket are skipped).
/// </summary>
public sealed class GraphAnomalies(AnomalyOptions options, long bucketNs)
{
    private readonly AnomalyDetector<EdgeKey> _edges = new(options);
    private readonly AnomalyDetector<OperationKey> _operations = new(options);

    public IReadOnlyList<TracesAnomalyDetected> Judge(
        IReadOnlyList<EdgeBucket> edges, IReadOnlyList<(long BucketStartNs, OperationKey Operation, BucketStats Stats)> operations)
    {
        var events = new List<TracesAnomalyDetected>();
        foreach (var bucket in edges)
        {
            foreach (var anomaly in _edges.Observe(bucket.Edge, bucket.BucketStartNs, Observation(bucket.Stats)))
            {
                events.Add(Event(bucket.Edge.To, bucket.Edge.ToString(), anomaly.Kind, anomaly.Observed, anomaly.Expected, anomaly.Score, bucket.BucketStartNs, bucket.Stats)
                    with { From = bucket.Edge.From, To = bucket.Edge.To });
            }
        }
        foreach (var (start, operation, stats) in operations)
        {
            foreach (var anomaly in _operations.Observe(operation, start, Observation(stats)))
                events.Add(Event(operation.Service, operation.Operation, anomaly.Kind, anomaly.Observed, anomaly.Expected, anomaly.Score, start, stats));
        }
        return events;
    }

    private static BucketObservation Observation(BucketStats stats) => new(stats.Calls, stats.Errors, stats.Latency.Quantile(0.95));

    private TracesAnomalyDetected Event(
        string service, string operation, AnomalyKind kind, double observed, double expected, double score, long startNs, BucketStats stats)
    {
        var latency = kind == AnomalyKind.LatencySpike;
        var start = DateTimeOffset.UnixEpoch.AddTicks(startNs / 100);
        return new TracesAnomalyDetected(
            service, operation,
            latency ? TracesAnomalyDetected.Latency : TracesAnomalyDetected.ErrorRate,
            latency ? observed / 1e6 : observed,
            latency ? expected / 1e6 : expected,
            start)
        {
            WindowStart = start,
            WindowEnd = start.AddTicks(bucketNs / 100),
            Score = Math.Round(score, 3),
            ExemplarTraceIds = new[] { latency ? stats.ExemplarTraceId : stats.ErrorTraceId, latency ? stats.ErrorTraceId : stats.ExemplarTraceId }
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
