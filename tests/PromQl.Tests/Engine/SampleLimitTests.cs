using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>
/// <see cref="EngineOptions.MaxSamples"/> gates the samples held at once as Prometheus 3 counts them: each case's
/// peak is what Prometheus's own engine tests (TestQueryStatistics and TestMaxQuerySamples in promql/engine_test.go)
/// measure over the same data; the query answers with exactly that limit and fails with one sample less.
/// </summary>
public sealed class SampleLimitTests
{
    private const string TooMany = "query processing would load too many samples into memory in query execution";

    private static readonly InMemorySeriesSource Source = TestData.Load(
        "10s",
        ("metricWith1SampleEvery10Seconds", "1+1x100"),
        ("metricWith3SampleEvery10Seconds{a=\"1\",b=\"1\"}", "1+1x100"),
        ("metricWith3SampleEvery10Seconds{a=\"2\",b=\"2\"}", "1+1x100"),
        ("metricWith3SampleEvery10Seconds{a=\"3\",b=\"2\"}", "1+1x100"),
        ("metric", "1+1x100"),
        ("bigmetric{a=\"1\"}", "1+1x100"),
        ("bigmetric{a=\"2\"}", "1+1x100"));

    /// <summary>Instant queries: the query, its time in seconds, Prometheus's peak.</summary>
    public static TheoryData<string, int, long> InstantCases => new()
    {
        { "1", 21, 1 },
        { "metricWith1SampleEvery10Seconds", 21, 1 },
        { "timestamp(metricWith1SampleEvery10Seconds)", 21, 2 },
        { "metricWith1SampleEvery10Seconds offset 10s", 21, 1 },
        { "metricWith1SampleEvery10Seconds @ 15", 21, 1 },
        { "metricWith3SampleEvery10Seconds{a=\"1\"}[20s] @ 19", 21, 2 },
        { "metricWith3SampleEvery10Seconds", 21, 3 },
        { "metricWith1SampleEvery10Seconds[60s]", 201, 6 },
        { "max_over_time(metricWith1SampleEvery10Seconds[60s])[20s:5s]", 201, 10 },
        { "max_over_time(metricWith1SampleEvery10Seconds[61s])[20s:5s]", 201, 11 },
        { "metricWith1SampleEvery10Seconds[60s] @ 30", 201, 4 },
        { "sum(max_over_time(metricWith3SampleEvery10Seconds[60s] @ 30))", 201, 7 },
        { "sum by (b) (max_over_time(metricWith3SampleEvery10Seconds[60s] @ 30))", 201, 7 },
        { "metricWith1SampleEvery10Seconds[60s] offset 10s", 201, 6 },
        { "metricWith3SampleEvery10Seconds[60s]", 201, 18 },
        { "max_over_time(metricWith1SampleEvery10Seconds[60s])", 201, 7 },
        { "absent_over_time(metricWith1SampleEvery10Seconds[60s])", 201, 7 },
        { "max_over_time(metricWith3SampleEvery10Seconds[60s])", 201, 9 },
        { "metricWith1SampleEvery10Seconds[60s:5s]", 201, 12 },
        { "metricWith1SampleEvery10Seconds[60s:5s] offset 10s", 201, 12 },
        { "max_over_time(metricWith3SampleEvery10Seconds[60s:5s])", 201, 51 },
        { "sum(max_over_time(metricWith3SampleEvery10Seconds[60s:5s])) + sum(max_over_time(metricWith3SampleEvery10Seconds[60s:5s]))", 201, 52 },
        { "max_over_time(metricWith1SampleEvery10Seconds[20s:10s])", 201, 5 },
        { "sum_over_time(metricWith1SampleEvery10Seconds[30s:30s])", 90, 3 },
        { "max_over_time(metricWith1SampleEvery10Seconds[30s:2m])", 240, 3 },
        { "sum_over_time(metricWith3SampleEvery10Seconds[20s:10s] @ 200)", 250, 11 },
        { "sum_over_time(metricWith1SampleEvery10Seconds[20s:10s] offset 1m)", 240, 5 },
        { "sum_over_time(metricWith3SampleEvery10Seconds[1m:10s] @ 200 offset 1m)", 300, 27 },
        { "sum_over_time(max_over_time(metricWith3SampleEvery10Seconds[60s] @ 300)[5m:1m] @ 600)[10m:2m]", 800, 23 },
        { "rate(sum_over_time(metricWith1SampleEvery10Seconds[30s])[1m:30s])", 240, 5 },
        { "metric[20s]", 10, 2 },
        { "rate(metric[20s])", 10, 3 },
        { "metric[20s:5s]", 10, 3 },
        { "metric[20s] @ 10", 0, 2 },
        { "rate(rate(bigmetric[10s:1s] @ 10)[100s:25s] @ 1000)[100s:20s] @ 2000", 10, 32 },
        { "rate(rate(bigmetric[10s:1s] @ 10)[100s:25s] @ 1000)[17s:1s] @ 2000", 10, 34 },
    };

    /// <summary>Range queries: the query, start, end and step in seconds, Prometheus's peak.</summary>
    public static TheoryData<string, int, int, int, long> RangeCases => new()
    {
        { "metricWith3SampleEvery10Seconds{a=\"1\"}", 201, 220, 5, 4 },
        { "metricWith3SampleEvery10Seconds{a=\"1\"}", 204, 223, 5, 4 },
        { "timestamp(metricWith1SampleEvery10Seconds)", 201, 220, 5, 5 },
        { "max_over_time(metricWith3SampleEvery10Seconds{a=\"1\"}[10s])", 991, 1021, 10, 2 },
        { "metricWith3SampleEvery10Seconds{a=\"1\"} offset 10s", 201, 220, 5, 4 },
        { "max_over_time(metricWith3SampleEvery10Seconds[60s] @ 30)", 201, 220, 5, 12 },
        { "metricWith3SampleEvery10Seconds", 201, 220, 5, 12 },
        { "max_over_time(metricWith3SampleEvery10Seconds[60s])", 201, 220, 5, 18 },
        { "max_over_time(metricWith3SampleEvery10Seconds[60s:5s])", 201, 216, 5, 69 },
        { "max_over_time(metricWith3SampleEvery10Seconds[60s:5s])", 201, 220, 5, 69 },
        { "max_over_time(metricWith1SampleEvery10Seconds[60s:5s])", 201, 220, 5, 31 },
        { "sum by (b) (max_over_time(metricWith1SampleEvery10Seconds[60s:5s]))", 201, 220, 5, 31 },
        { "sum(max_over_time(metricWith3SampleEvery10Seconds[60s:5s])) + sum(max_over_time(metricWith3SampleEvery10Seconds[60s:5s]))", 201, 220, 5, 73 },
        { "sum(max_over_time(metricWith3SampleEvery10Seconds[60s:5s])) + sum(max_over_time(metricWith1SampleEvery10Seconds[60s:5s]))", 201, 220, 5, 69 },
        { "max_over_time(metricWith1SampleEvery10Seconds[30s:10s])", 201, 231, 30, 11 },
        { "max_over_time(metricWith1SampleEvery10Seconds[20s:10s])", 201, 261, 10, 17 },
        { "max_over_time(metricWith1SampleEvery10Seconds[30s:10s])", 201, 261, 60, 14 },
        { "max_over_time(metricWith3SampleEvery10Seconds[60s:10s])", 200, 400, 30, 99 },
        { "predict_linear(metricWith1SampleEvery10Seconds[60s] @ 100, 60)", 100, 300, 100, 12 },
        { "1", 0, 2, 1, 3 },
        { "metric", 0, 2, 1, 3 },
        { "metric", 0, 10, 5, 3 },
        { "rate(bigmetric[1s])", 0, 10, 5, 1 },
        { "metric @ 10", 0, 10, 5, 3 },
        { "rate(bigmetric[10s:1s] @ 10)", 0, 10, 5, 32 },
        { "rate(bigmetric[10s:1s] @ 10) + rate(bigmetric[10s:1s] @ 30)", 0, 10, 5, 34 },
        { "rate(bigmetric[10s:1s]) + rate(bigmetric[10s:1s] @ 30)", 10, 20, 5, 56 },
    };

    [Theory]
    [MemberData(nameof(InstantCases))]
    public async Task An_instant_query_holds_what_prometheus_holds(string query, int seconds, long peak)
    {
        var answered = await Limited(peak).InstantAsync(Source, query, seconds * 1000L, CancellationToken.None);
        Assert.Equal(peak, answered.Stats.PeakSamples);
        if (peak == 1)
        {
            return; // A limit of 0 is not a valid option.
        }

        await Fails(() => Limited(peak - 1).InstantAsync(Source, query, seconds * 1000L, CancellationToken.None), PromQlErrorType.Execution, TooMany);
    }

    [Theory]
    [MemberData(nameof(RangeCases))]
    public async Task A_range_query_holds_what_prometheus_holds(string query, int start, int end, int step, long peak)
    {
        var answered = await Limited(peak).RangeAsync(Source, query, start * 1000L, end * 1000L, step * 1000L, CancellationToken.None);
        Assert.Equal(peak, answered.Stats.PeakSamples);
        if (peak == 1)
        {
            return; // A limit of 0 is not a valid option.
        }

        await Fails(
            () => Limited(peak - 1).RangeAsync(Source, query, start * 1000L, end * 1000L, step * 1000L, CancellationToken.None),
            PromQlErrorType.Execution, TooMany);
    }

    [Fact]
    public async Task A_rate_over_more_raw_samples_than_the_limit_answers_when_its_windows_fit()
    {
        // 100 counters at 15 s for 24 h: 576,100 raw samples read; rate holds 1,440 results per series and one
        // 20-sample window, sum then 1,440 points: the dashboard query at a hundredth of 10,000 series.
        var source = new InMemorySeriesSource();
        for (var s = 0; s < 100; s++)
        {
            TestData.Load(source, "15s", ($"x_total{{instance=\"{s}\"}}", $"0+{s + 1}x5760"));
        }

        const long Peak = (100 * 1440) + 20;
        var answered = await Limited(500_000).RangeAsync(source, "sum(rate(x_total[5m]))", 0, 86_400_000, 60_000, CancellationToken.None);
        Assert.Equal((576_100L, Peak), (answered.Stats.SamplesLoaded, answered.Stats.PeakSamples));
        Assert.Equal(1440, Assert.Single(Assert.IsType<MatrixValue>(answered.Value).Series).Points.Count);

        await Limited(Peak).RangeAsync(source, "sum(rate(x_total[5m]))", 0, 86_400_000, 60_000, CancellationToken.None);
        await Fails(
            () => Limited(Peak - 1).RangeAsync(source, "sum(rate(x_total[5m]))", 0, 86_400_000, 60_000, CancellationToken.None),
            PromQlErrorType.Execution, TooMany);
    }

    [Fact]
    public async Task Points_gathered_at_a_step_count_beside_the_results_so_far()
    {
        // Both sides' 3 series × 4 steps are held (24); at the last step the 9 results so far, that step's 3 and the
        // 6 input points gathered for it: 24 + 12 + 6.
        const string Query = "metricWith3SampleEvery10Seconds + metricWith3SampleEvery10Seconds";
        var answered = await Limited(42).RangeAsync(Source, Query, 201_000, 216_000, 5_000, CancellationToken.None);
        Assert.Equal(42, answered.Stats.PeakSamples);
        await Fails(() => Limited(41).RangeAsync(Source, Query, 201_000, 216_000, 5_000, CancellationToken.None), PromQlErrorType.Execution, TooMany);
    }

    private static PromQlEngine Limited(long maxSamples) => new(new EngineOptions { MaxSamples = maxSamples });
}
