using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Tests.Query;

public sealed class RangeQueryTranslatorTests
{
    private static RangeQuery Query(Aggregation agg, string? groupBy = null, CounterFunction fn = CounterFunction.None) => new(
        "http_ms", [Matcher.Create("job", MatchOp.Equal, "api")], 0, 600_000, 60_000, agg,
        groupBy?.Split(',', StringSplitOptions.RemoveEmptyEntries), fn, StorageTier.Raw);

    [Theory]
    [InlineData(Aggregation.Avg, "avg_over_time({__name__=\"http_ms\", job=\"api\"}[1m])")]
    [InlineData(Aggregation.Count, "count_over_time({__name__=\"http_ms\", job=\"api\"}[1m])")]
    [InlineData(Aggregation.Last, "last_over_time({__name__=\"http_ms\", job=\"api\"}[1m])")]
    [InlineData(Aggregation.P95, "quantile_over_time(0.95, {__name__=\"http_ms\", job=\"api\"}[1m])")]
    public void Per_series_buckets_are_over_time_functions(Aggregation agg, string expected)
    {
        Assert.Equal(expected, RangeQueryTranslator.Translate(Query(agg), "http_ms"));
    }

    [Theory]
    [InlineData(Aggregation.Avg, "job", "sum by (job) (sum_over_time({__name__=\"http_ms\", job=\"api\"}[1m])) / sum by (job) (count_over_time({__name__=\"http_ms\", job=\"api\"}[1m]))")]
    [InlineData(Aggregation.Count, "", "sum by () (count_over_time({__name__=\"http_ms\", job=\"api\"}[1m]))")]
    [InlineData(Aggregation.Last, "job,code", "max by (job, code) (last_over_time({__name__=\"http_ms\", job=\"api\"}[1m]))")]
    [InlineData(Aggregation.P50, "__name__,job", "quantile by (job) (0.5, quantile_over_time(0.5, {__name__=\"http_ms\", job=\"api\"}[1m]))")]
    public void Groups_merge_the_series_statistics(Aggregation agg, string groupBy, string expected)
    {
        Assert.Equal(expected, RangeQueryTranslator.Translate(Query(agg, groupBy), null));
    }

    [Theory]
    [InlineData(Aggregation.Sum, null, CounterFunction.Rate, "sum without () (rate({__name__=\"http_ms\", job=\"api\"}[1m]))")]
    [InlineData(Aggregation.P99, "job", CounterFunction.Increase, "quantile by (job) (0.99, increase({__name__=\"http_ms\", job=\"api\"}[1m]))")]
    [InlineData(Aggregation.Last, "", CounterFunction.Rate, "max by () (rate({__name__=\"http_ms\", job=\"api\"}[1m]))")]
    public void Counter_functions_come_first(Aggregation agg, string? groupBy, CounterFunction fn, string expected)
    {
        Assert.Equal(expected, RangeQueryTranslator.Translate(Query(agg, groupBy, fn), null));
    }

    [Fact]
    public void Every_translation_is_valid_promql()
    {
        foreach (var agg in Enum.GetValues<Aggregation>())
        {
            foreach (var groupBy in new string?[] { null, "", "job", "__name__" })
            {
                foreach (var fn in Enum.GetValues<CounterFunction>())
                {
                    var text = RangeQueryTranslator.Translate(Query(agg, groupBy, fn), RangeQueryTranslator.KeepsName(Query(agg, groupBy)) ? "http_ms" : null);
                    Assert.Equal(AirisEpm.PromQl.Ast.ValueType.Vector, PromQlParser.ParseExpr(text).Type);
                }
            }
        }
    }

    [Fact]
    public void Only_per_series_and_by_name_results_keep_the_name()
    {
        Assert.True(RangeQueryTranslator.KeepsName(Query(Aggregation.Avg)));
        Assert.True(RangeQueryTranslator.KeepsName(Query(Aggregation.Avg, "__name__")));
        Assert.False(RangeQueryTranslator.KeepsName(Query(Aggregation.Avg, "job")));
        Assert.False(RangeQueryTranslator.KeepsName(Query(Aggregation.Avg, "")));
    }
}
