using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class MetricQueryMapperTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private static MetricCondition Leaf(MetricAggregation agg, TimeSpan window, params Matcher[] matchers) =>
        new("cpu", "cpu_usage", matchers, agg, window, ComparisonOperator.GreaterThan, 0.9);

    [Fact]
    public void A_window_becomes_one_bucket_ending_now_aggregated_over_all_series()
    {
        var query = MetricQueryMapper.ForMetric(Leaf(MetricAggregation.P95, TimeSpan.FromMinutes(5), Matcher.Create("service", MatchOp.Equal, "api"), Matcher.Create("code", MatchOp.Regex, "5..")), Now);

        Assert.Equal(
            "/api/v1/metrics/query_range?name=cpu_usage&match[]=%7Bservice%3D%22api%22%2Ccode%3D~%225..%22%7D"
            + "&start=1699999700&end=1699999700&step=300&agg=p95&group_by=&tier=raw",
            query.PathAndQuery);
    }

    [Theory]
    [InlineData(MetricAggregation.Avg, "avg", null)]
    [InlineData(MetricAggregation.Last, "last", null)]
    [InlineData(MetricAggregation.Count, "count", null)]
    [InlineData(MetricAggregation.P99, "p99", null)]
    [InlineData(MetricAggregation.Rate, "sum", "rate")]
    public void Aggregations_map_to_agg_and_fn(MetricAggregation aggregation, string agg, string? fn)
    {
        var query = MetricQueryMapper.ForMetric(Leaf(aggregation, TimeSpan.FromSeconds(90)), Now);

        Assert.Equal((agg, fn, (string?)null), (query.Agg, query.Fn, query.Selector));
        Assert.Equal((Now.ToUnixTimeMilliseconds() - 90_000, 90_000L), (query.StartMs, query.StepMs));
    }

    [Fact]
    public void Long_windows_let_metrics_service_choose_a_rollup_tier()
    {
        Assert.True(MetricQueryMapper.ForMetric(Leaf(MetricAggregation.Avg, TimeSpan.FromHours(1)), Now).RawTier);
        Assert.DoesNotContain("tier=", MetricQueryMapper.ForMetric(Leaf(MetricAggregation.Avg, TimeSpan.FromHours(6)), Now).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_second_windows_are_written_as_fractional_seconds()
    {
        var query = MetricQueryMapper.ForMetric(Leaf(MetricAggregation.Max, TimeSpan.FromMilliseconds(1500)), Now);

        Assert.Contains("&start=1699999998.5&end=1699999998.5&step=1.5&", query.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Metric_results_compare_the_latest_value_and_no_series_is_no_data()
    {
        var leaf = Leaf(MetricAggregation.Avg, TimeSpan.FromMinutes(1));

        Assert.Equal(new LeafResult(ConditionOutcome.True, 0.95), MetricQueryMapper.ToResult(leaf, new MetricQueryResult([[0.1, 0.95]])));
        Assert.Equal(new LeafResult(ConditionOutcome.False, 0.5), MetricQueryMapper.ToResult(leaf, new MetricQueryResult([[], [0.5]])));
        Assert.Equal(LeafResult.NoData, MetricQueryMapper.ToResult(leaf, MetricQueryResult.Empty));
        Assert.Equal(LeafResult.NoData, MetricQueryMapper.ToResult(leaf, new MetricQueryResult([[]])));
    }

    [Fact]
    public void Absent_counts_samples_and_is_true_without_any()
    {
        var leaf = new AbsentCondition("up", "up", [Matcher.Create("job", MatchOp.Equal, "api")], TimeSpan.FromMinutes(10));
        var query = MetricQueryMapper.ForAbsent(leaf, Now);

        Assert.Equal(("count", "{job=\"api\"}"), (query.Agg, query.Selector));
        Assert.Equal(ConditionOutcome.True, MetricQueryMapper.ToResult(leaf, MetricQueryResult.Empty).Outcome);
        Assert.Equal(ConditionOutcome.True, MetricQueryMapper.ToResult(leaf, new MetricQueryResult([[0]])).Outcome);
        Assert.Equal(ConditionOutcome.False, MetricQueryMapper.ToResult(leaf, new MetricQueryResult([[3]])).Outcome);
    }
}
