using AirisEpm.TraceService.Analysis.Anomalies;
using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;

namespace AirisEpm.TraceService.Tests.Analysis;

/// <summary>
/// Precision and recall of <see cref="AnomalyDetector{TKey}"/> on synthetic dependency traffic, end to
/// end through <see cref="DependencyGraph"/> and its sketches: 60 edges over 150 one-minute buckets,
/// each with its own call rate (some edges quiet, under the minimum count), log-normal latencies
/// around its own median, and a small background error rate; 15 edges get a slow-dependency
/// incident (every call 2.5–4× slower for 5 minutes), 15 an error burst (15–40 % errors for 5 minutes).
/// Seeded, so the figures are the same on every run.
/// </summary>
public sealed class AnomalyEvaluationTests
{
    private const long Minute = 60_000_000_000;
    private const int Edges = 60;
    private const int Buckets = 150;

    [Fact]
    public void Injected_slow_dependencies_and_error_bursts_are_found_with_high_precision_and_recall()
    {
        var random = new Random(7);
        var graph = new DependencyGraph();
        var truth = new HashSet<(string Edge, long Bucket, AnomalyKind Kind)>();
        var judgeable = AnomalyOptions.Default.MinCalls;
        for (var e = 0; e < Edges; e++)
        {
            var edge = "svc-" + e;
            var meanCalls = e % 6 == 0 ? 8 : 30 + random.Next(300);
            var medianMs = 2 + random.Next(200);
            var errorRate = random.NextDouble() * 0.02;
            var slowFrom = e % 4 == 1 ? 40 + random.Next(100) : -1;
            var burstFrom = e % 4 == 2 ? 40 + random.Next(100) : -1;
            for (var b = 0; b < Buckets; b++)
            {
                var slow = slowFrom >= 0 && b >= slowFrom && b < slowFrom + 5;
                var burst = burstFrom >= 0 && b >= burstFrom && b < burstFrom + 5;
                var factor = slow ? 2.5 + random.NextDouble() * 1.5 : 1;
                var rate = burst ? 0.15 + random.NextDouble() * 0.25 : errorRate;
                var calls = Math.Max(0, (int)(meanCalls * (0.8 + random.NextDouble() * 0.4)));
                for (var c = 0; c < calls; c++)
                {
                    var latency = (long)(medianMs * 1e6 * factor * Math.Exp(0.4 * Normal(random)));
                    graph.Record(new ServiceCall("caller", edge, TargetKind.Service, latency, random.NextDouble() < rate, "t", b * Minute));
                }
                if (calls >= judgeable && b >= AnomalyOptions.Default.MinBaselineBuckets)
                {
                    if (slow)
                        truth.Add((edge, b * Minute, AnomalyKind.LatencySpike));
                    if (burst)
                        truth.Add((edge, b * Minute, AnomalyKind.ErrorBurst));
                }
            }
        }

        var detector = new AnomalyDetector<EdgeKey>();
        var found = new HashSet<(string Edge, long Bucket, AnomalyKind Kind)>();
        foreach (var (bucket, edge, stats) in graph.Buckets(0, Buckets * Minute))
        {
            foreach (var anomaly in detector.Observe(edge, bucket, new BucketObservation(stats.Calls, stats.Errors, stats.Latency.Quantile(0.95))))
                found.Add((edge.To, anomaly.BucketStartNs, anomaly.Kind));
        }

        foreach (var kind in Enum.GetValues<AnomalyKind>())
        {
            var expected = truth.Where(t => t.Kind == kind).ToHashSet();
            var flagged = found.Where(f => f.Kind == kind).ToHashSet();
            var truePositives = flagged.Intersect(expected).Count();
            var precision = flagged.Count == 0 ? 0 : (double)truePositives / flagged.Count;
            var recall = (double)truePositives / expected.Count;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{kind}: {expected.Count} injected buckets, {flagged.Count} flagged, {truePositives} right: precision {precision:P1}, recall {recall:P1}");
            Assert.True(expected.Count >= 40, $"the stream should inject enough {kind} buckets to measure");
            Assert.True(precision >= 0.95, $"{kind} precision {precision:P1}");
            Assert.True(recall >= 0.9, $"{kind} recall {recall:P1}");
        }
        var quietFlags = found.Count(f => int.Parse(f.Edge[4..], System.Globalization.CultureInfo.InvariantCulture) % 6 == 0);
        TestContext.Current.TestOutputHelper?.WriteLine($"flags on the 10 quiet edges (8 calls a minute): {quietFlags}");
        Assert.Equal(0, quietFlags);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
