using AirisEpm.TraceService.Analysis.Anomalies;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class AnomalyDetectorTests
{
    private const long Ms = 1_000_000;

    private static List<Anomaly<string>> Run(AnomalyDetector<string> detector, IEnumerable<BucketObservation> stream) =>
        stream.SelectMany((o, i) => detector.Observe("edge", i, o)).ToList();

    private static IEnumerable<BucketObservation> Steady(int buckets, long calls = 100, long p95Ms = 50, int errorsEvery = 0) =>
        Enumerable.Range(0, buckets).Select(i => new BucketObservation(calls, errorsEvery == 0 ? 0 : i % errorsEvery, (p95Ms + i % 5) * Ms));

    [Fact]
    public void A_slow_bucket_after_a_steady_half_hour_is_a_latency_spike()
    {
        var anomalies = Run(new AnomalyDetector<string>(), [.. Steady(30), new BucketObservation(100, 0, 200 * Ms)]);

        var spike = Assert.Single(anomalies);
        Assert.Equal((AnomalyKind.LatencySpike, 30L, 200.0 * Ms, 52.0 * Ms), (spike.Kind, spike.BucketStartNs, spike.Observed, spike.Expected));
        Assert.True(spike.Score >= 4);
    }

    [Fact]
    public void A_modest_rise_on_a_very_steady_edge_is_not_flagged()
    {
        Assert.Empty(Run(new AnomalyDetector<string>(), [.. Steady(30), new BucketObservation(100, 0, 70 * Ms)]));
    }

    [Fact]
    public void An_error_burst_is_flagged_but_a_few_errors_on_a_noisy_edge_are_not()
    {
        var detector = new AnomalyDetector<string>();

        var anomalies = Run(detector, [.. Steady(30, errorsEvery: 3), new BucketObservation(100, 4, 50 * Ms), new BucketObservation(100, 30, 50 * Ms)]);

        var burst = Assert.Single(anomalies);
        Assert.Equal((AnomalyKind.ErrorBurst, 31L, 0.30, 0.01), (burst.Kind, burst.BucketStartNs, burst.Observed, burst.Expected));
    }

    [Fact]
    public void Quiet_buckets_are_neither_judged_nor_learnt_from()
    {
        var detector = new AnomalyDetector<string>();

        // ten calls a minute, two of them failing and one of them slow: not enough to say anything
        var anomalies = Run(detector, [.. Steady(30, calls: 10), new BucketObservation(10, 8, 900 * Ms)]);

        Assert.Empty(anomalies);
        Assert.Empty(detector.Observe("edge", 100, new BucketObservation(500, 400, 900 * Ms)));
    }

    [Fact]
    public void Nothing_is_judged_before_enough_baseline_and_a_replayed_bucket_is_ignored()
    {
        var detector = new AnomalyDetector<string>();
        Assert.Empty(Run(detector, [.. Steady(9), new BucketObservation(100, 90, 900 * Ms)]));

        Assert.NotEmpty(detector.Observe("edge", 10, new BucketObservation(100, 90, 900 * Ms)));
        Assert.Empty(detector.Observe("edge", 10, new BucketObservation(100, 90, 900 * Ms)));
        Assert.Empty(detector.Observe("edge", 3, new BucketObservation(100, 90, 900 * Ms)));
    }

    [Fact]
    public void A_five_bucket_incident_is_flagged_in_every_bucket_and_a_lasting_shift_stops_being_news()
    {
        var incident = Enumerable.Repeat(new BucketObservation(100, 0, 300 * Ms), 5);
        var shifted = Enumerable.Repeat(new BucketObservation(100, 0, 300 * Ms), 40);

        var anomalies = Run(new AnomalyDetector<string>(), [.. Steady(30), .. incident, .. Steady(30), .. shifted]);

        Assert.Equal([30L, 31, 32, 33, 34], anomalies.Where(a => a.BucketStartNs < 65).Select(a => a.BucketStartNs));
        Assert.DoesNotContain(anomalies, a => a.BucketStartNs >= 65 + 20);
    }
}
