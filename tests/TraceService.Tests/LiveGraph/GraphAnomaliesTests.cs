using AirisEpm.ServiceDefaults.Events.Contracts;
using AirisEpm.TraceService.Analysis.Anomalies;
using AirisEpm.TraceService.Analysis.Bottlenecks;
using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.LiveGraph;

namespace AirisEpm.TraceService.Tests.LiveGraph;

public sealed class GraphAnomaliesTests
{
    private const long Minute = 60_000_000_000;
    private static readonly long T0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
    private static readonly EdgeKey Db = new("payments", "postgresql/orders");

    /// <summary>30 calls a minute; minute <paramref name="m"/>'s latencies around <paramref name="ms"/> (±10 %), the first <paramref name="errors"/> failing.</summary>
    private static BucketStats Minute_(int m, double ms, int errors = 0)
    {
        var stats = new BucketStats();
        for (var i = 0; i < 30; i++)
            stats.Add((long)(ms * (0.9 + 0.2 * ((i * 7 + m) % 10) / 10.0) * 1e6), i < errors, $"t{m:D2}{i:D2}");
        return stats;
    }

    private static List<TracesAnomalyDetected> Run(Func<int, BucketStats> edge, Func<int, BucketStats> operation, int minutes = 13)
    {
        var anomalies = new GraphAnomalies(AnomalyOptions.Default, Minute);
        var events = new List<TracesAnomalyDetected>();
        for (var m = 0; m < minutes; m++)
        {
            events.AddRange(anomalies.Judge(
                [new EdgeBucket(T0 + m * Minute, Db, TargetKind.Service, TargetKind.Database, edge(m))],
                [(T0 + m * Minute, new OperationKey("payments", "POST /charge"), operation(m))]));
        }
        return events;
    }

    [Fact]
    public void A_slow_dependency_after_a_steady_baseline_is_one_latency_event_naming_the_edge_its_window_and_exemplar()
    {
        var events = Run(m => Minute_(m, m == 12 ? 80 : 10), m => Minute_(m, 15));

        var e = Assert.Single(events);
        Assert.Equal((TracesAnomalyDetected.Latency, "postgresql/orders", "payments → postgresql/orders", "payments", "postgresql/orders"),
            (e.Kind, e.Service, e.Operation, e.From, e.To));
        Assert.InRange(e.Value, 80, 90);
        Assert.InRange(e.Baseline, 9, 11);
        Assert.Equal((e.Measure, e.Observed, e.Expected), (e.Kind, e.Value, e.Baseline));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks((T0 + 12 * Minute) / 100), e.WindowStart);
        Assert.Equal(e.WindowStart!.Value.AddMinutes(1), e.WindowEnd);
        Assert.Equal(e.WindowStart, e.At);
        Assert.StartsWith("t12", Assert.Single(e.ExemplarTraceIds), StringComparison.Ordinal);
        Assert.True(e.Score >= AnomalyOptions.Default.Threshold);
    }

    [Fact]
    public void An_error_burst_of_an_operation_is_an_error_rate_event_without_an_edge()
    {
        var events = Run(m => Minute_(m, 10), m => Minute_(m, 15, errors: m == 12 ? 12 : 0));

        var e = Assert.Single(events);
        Assert.Equal((TracesAnomalyDetected.ErrorRate, "payments", "POST /charge", (string?)null), (e.Kind, e.Service, e.Operation, e.From));
        Assert.Equal((0.4, 0.0), (e.Value, e.Baseline));
        Assert.Equal(["t1211", "t1201"], e.ExemplarTraceIds);
    }

    [Fact]
    public void Nothing_is_judged_before_the_baseline_has_enough_buckets()
    {
        Assert.Empty(Run(m => Minute_(m, m == 9 ? 200 : 10), m => Minute_(m, 15), minutes: 10));
    }

    [Fact]
    public void The_same_buckets_give_the_same_events()
    {
        static object Shape(TracesAnomalyDetected e) => (e.Service, e.Operation, e.Kind, e.Value, e.Baseline, e.At, e.Score, string.Join(",", e.ExemplarTraceIds));
        BucketStats Edge(int m) => Minute_(m, m >= 11 ? 60 : 10, errors: m == 12 ? 20 : 0);

        var first = Run(Edge, m => Minute_(m, 15));
        var second = Run(Edge, m => Minute_(m, 15));

        Assert.Equal(3, first.Count);
        Assert.Equal(first.Select(Shape), second.Select(Shape));
    }
}
