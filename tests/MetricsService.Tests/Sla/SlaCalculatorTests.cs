using AirisEpm.MetricsService.Sla;

namespace AirisEpm.MetricsService.Tests.Sla;

public sealed class SlaCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static SlaInputs Inputs(IEnumerable<MinuteTraffic> minutes, Dictionary<double, double>? buckets = null) =>
        new("checkout", Start, Start.AddMinutes(10), minutes.ToList(), buckets ?? new Dictionary<double, double>
        {
            [0.025] = 500,
            [0.05] = 900,
            [0.1] = 1000,
            [double.PositiveInfinity] = 1000,
        });

    private static IEnumerable<MinuteTraffic> Minutes(int count, double requests, double errors) =>
        Enumerable.Range(0, count).Select(i => new MinuteTraffic(Start.AddMinutes(i).ToUnixTimeMilliseconds(), requests, errors));

    [Fact]
    public void A_healthy_fast_service_meets_every_objective_it_is_given()
    {
        var targets = new SlaTargets { ThroughputRps = 1 };
        var report = SlaCalculator.Compute(Inputs(Minutes(10, 6000, 1)), targets);

        Assert.Equal(60000, report.TotalRequests);
        Assert.Equal(SlaObjective.Met, report.Availability.Status);
        Assert.Equal(100, report.Availability.Actual);
        Assert.Equal(SlaObjective.Met, report.ErrorRate.Status);
        Assert.Equal(10.0 / 60000 * 100, report.ErrorRate.Actual!.Value, 4);
        Assert.Equal(100, report.Throughput.Actual);
        Assert.Equal(75, report.P95Latency.Actual!.Value, 3);
        Assert.Equal(SlaObjective.Met, report.Overall);
    }

    [Fact]
    public void One_bad_minute_in_ten_breaches_three_nines_and_the_overall_status()
    {
        var minutes = Minutes(9, 100, 0).Append(new MinuteTraffic(Start.AddMinutes(9).ToUnixTimeMilliseconds(), 100, 50));
        var report = SlaCalculator.Compute(Inputs(minutes), new SlaTargets { ThroughputRps = 0.1 });

        Assert.Equal(90, report.Availability.Actual);
        Assert.Equal(SlaObjective.Breach, report.Availability.Status);
        Assert.Equal(SlaObjective.Breach, report.ErrorRate.Status);
        Assert.Equal(SlaObjective.Breach, report.Overall);
    }

    [Fact]
    public void Slow_requests_breach_the_latency_target()
    {
        var slow = new Dictionary<double, double> { [0.1] = 10, [0.5] = 50, [1] = 100, [double.PositiveInfinity] = 100 };
        var report = SlaCalculator.Compute(Inputs(Minutes(10, 100, 0), slow), new SlaTargets());

        Assert.Equal(SlaObjective.Breach, report.P95Latency.Status);
        Assert.Equal(950, report.P95Latency.Actual!.Value, 3);
    }

    [Fact]
    public void Default_throughput_target_of_ten_thousand_rps_is_judged()
    {
        var report = SlaCalculator.Compute(Inputs(Minutes(10, 6000, 0)), new SlaTargets());
        Assert.Equal(SlaObjective.Breach, report.Throughput.Status);
        Assert.Equal(10_000, report.Throughput.Target);
    }

    [Fact]
    public void Without_traffic_every_objective_is_no_data()
    {
        var report = SlaCalculator.Compute(Inputs([], new Dictionary<double, double>()), new SlaTargets());

        Assert.All([report.Availability, report.P95Latency, report.ErrorRate, report.Throughput],
            o => Assert.Equal(SlaObjective.NoData, o.Status));
        Assert.Equal(SlaObjective.NoData, report.Overall);
    }
}
