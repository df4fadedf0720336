using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class AggregationTests
{
    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("req{job=\"api\", instance=\"1\", code=\"200\"}", "10"),
        ("req{job=\"api\", instance=\"2\", code=\"200\"}", "20"),
        ("req{job=\"api\", instance=\"2\", code=\"500\"}", "5"),
        ("req{job=\"db\", instance=\"3\", code=\"200\"}", "40"));

    [Theory]
    [InlineData(AggregateOp.Sum, 35, 40)]
    [InlineData(AggregateOp.Avg, 35.0 / 3, 40)]
    [InlineData(AggregateOp.Min, 5, 40)]
    [InlineData(AggregateOp.Max, 20, 40)]
    [InlineData(AggregateOp.Count, 3, 1)]
    [InlineData(AggregateOp.Group, 1, 1)]
    [InlineData(AggregateOp.Stdvar, 38.888888888888886, 0)]
    [InlineData(AggregateOp.Stddev, 6.236095644623236, 0)]
    public async Task Aggregates_by_the_listed_labels(AggregateOp op, double api, double db) =>
        await Vector(_source, Agg(op, Sel("req"), by: ["job"]), "0s", ("{job=\"api\"}", api), ("{job=\"db\"}", db));

    [Fact]
    public async Task Without_drops_the_listed_labels_and_the_name() =>
        await Vector(_source, Agg(AggregateOp.Sum, Sel("req"), without: ["instance"]), "0s",
            ("{job=\"api\", code=\"200\"}", 30), ("{job=\"api\", code=\"500\"}", 5), ("{job=\"db\", code=\"200\"}", 40));

    [Fact]
    public async Task No_grouping_aggregates_everything_into_one_series_without_labels() =>
        await Vector(_source, Agg(AggregateOp.Sum, Sel("req")), "0s", ("{}", 75));

    [Fact]
    public async Task By_the_name_keeps_the_name() =>
        await Vector(_source, Agg(AggregateOp.Max, Sel("req"), by: ["__name__"]), "0s", ("req", 40));

    [Fact]
    public async Task Groups_come_out_in_the_order_of_their_first_series() =>
        await OrderedVector(_source, Agg(AggregateOp.Count, Sel("req"), by: ["code"]), "0s", ("{code=\"200\"}", 3), ("{code=\"500\"}", 1));

    [Fact]
    public async Task Sum_is_compensated_so_small_terms_survive_large_ones()
    {
        var source = TestData.Load("1m", ("x{i=\"1\"}", "1e100"), ("x{i=\"2\"}", "1"), ("x{i=\"3\"}", "-1e100"));
        await Vector(source, Agg(AggregateOp.Sum, Sel("x")), "0s", ("{}", 1));
        await Vector(source, Agg(AggregateOp.Avg, Sel("x")), "0s", ("{}", 1.0 / 3));
    }

    [Fact]
    public async Task Avg_of_values_whose_sum_overflows_is_their_mean()
    {
        var source = TestData.Load("1m", ("x{i=\"1\"}", "1.7e308"), ("x{i=\"2\"}", "1.7e308"), ("x{i=\"3\"}", "1.1e308"));
        await Vector(source, Agg(AggregateOp.Avg, Sel("x")), "0s", ("{}", 1.5e308));
    }

    [Fact]
    public async Task NaN_and_infinity_follow_prometheus()
    {
        var source = TestData.Load("1m", ("x{i=\"1\"}", "NaN"), ("x{i=\"2\"}", "1"), ("x{i=\"3\"}", "Inf"));
        await Vector(source, Agg(AggregateOp.Sum, Sel("x")), "0s", ("{}", double.NaN));
        await Vector(source, Agg(AggregateOp.Max, Sel("x")), "0s", ("{}", double.PositiveInfinity));
        await Vector(source, Agg(AggregateOp.Min, Sel("x")), "0s", ("{}", 1));
        await Vector(source, Agg(AggregateOp.Stddev, Sel("x")), "0s", ("{}", double.NaN));
        await Vector(source, Agg(AggregateOp.Count, Sel("x")), "0s", ("{}", 3));
    }

    [Fact]
    public async Task A_range_query_aggregates_only_what_is_present_at_each_step()
    {
        var source = TestData.Load("1m", ("x{i=\"1\"}", "1 1 1 1 1 1 1"), ("x{i=\"2\"}", "_x6 2"));
        await Matrix(source, Agg(AggregateOp.Sum, Sel("x")), "0s", "6m", "3m", ("{}", "1 1 3"));
    }

    [Fact]
    public async Task Topk_keeps_the_largest_with_their_labels_in_descending_order() =>
        await OrderedVector(_source, Agg(AggregateOp.TopK, Sel("req"), N(2)), "0s",
            ("req{job=\"db\", instance=\"3\", code=\"200\"}", 40), ("req{job=\"api\", instance=\"2\", code=\"200\"}", 20));

    [Fact]
    public async Task Bottomk_per_group_in_ascending_order() =>
        await OrderedVector(_source, Agg(AggregateOp.BottomK, Sel("req"), N(1.9), by: ["job"]), "0s",
            ("req{job=\"api\", instance=\"2\", code=\"500\"}", 5), ("req{job=\"db\", instance=\"3\", code=\"200\"}", 40));

    [Fact]
    public async Task Topk_ties_and_NaN_are_chosen_and_ordered_by_prometheus_heap()
    {
        // NaN is replaced by the next value (c); d ties with the heap's root and is not taken; the two are then
        // listed as Go's insertion sort leaves them.
        var source = TestData.Load("1m", ("x{i=\"a\"}", "1"), ("x{i=\"b\"}", "NaN"), ("x{i=\"c\"}", "1"), ("x{i=\"d\"}", "1"));
        await OrderedVector(source, Agg(AggregateOp.TopK, Sel("x"), N(2)), "0s", ("x{i=\"c\"}", 1), ("x{i=\"a\"}", 1));
        await OrderedVector(source, Agg(AggregateOp.TopK, Sel("x"), N(5)), "0s",
            ("x{i=\"a\"}", 1), ("x{i=\"c\"}", 1), ("x{i=\"d\"}", 1), ("x{i=\"b\"}", double.NaN));
        await OrderedVector(source, Agg(AggregateOp.BottomK, Sel("x"), N(1)), "0s", ("x{i=\"a\"}", 1));
    }

    [Fact]
    public async Task Topk_below_one_is_empty_and_NaN_is_an_error()
    {
        await Vector(_source, Agg(AggregateOp.TopK, Sel("req"), N(0.5)), "0s");
        await Fails(() => Instant(_source, Agg(AggregateOp.TopK, Sel("req"), N(double.NaN)), "0s"), PromQlErrorType.Execution, "Parameter value is NaN");
        await Fails(() => Instant(_source, Agg(AggregateOp.TopK, Sel("req"), N(1e19)), "0s"), PromQlErrorType.Execution, "Scalar value 1e+19 overflows int64");
    }

    [Fact]
    public async Task Topk_in_a_range_query_picks_per_step()
    {
        var source = TestData.Load("1m", ("x{i=\"a\"}", "1 3"), ("x{i=\"b\"}", "2 0"));
        await Matrix(source, Agg(AggregateOp.TopK, Sel("x"), N(1)), "0s", "1m", "1m", ("x{i=\"a\"}", "_ 3"), ("x{i=\"b\"}", "2 _"));
    }

    [Fact]
    public async Task Quantile_interpolates_within_each_group()
    {
        await Vector(_source, Agg(AggregateOp.Quantile, Sel("req"), N(0.5), by: ["job"]), "0s", ("{job=\"api\"}", 10), ("{job=\"db\"}", 40));
        await Vector(_source, Agg(AggregateOp.Quantile, Sel("req"), N(0.75)), "0s", ("{}", 25));
        var result = await Instant(_source, Agg(AggregateOp.Quantile, Sel("req"), N(2)), "0s");
        VectorEquals(result.Value, ordered: false, ("{}", double.PositiveInfinity));
        Assert.Equal(["PromQL warning: quantile value should be between 0 and 1, got 2"], result.Warnings);
    }

    [Fact]
    public async Task Count_values_counts_each_value_under_the_given_label()
    {
        var source = TestData.Load("1m", ("v{i=\"1\", j=\"x\"}", "1"), ("v{i=\"2\", j=\"x\"}", "1"), ("v{i=\"3\", j=\"y\"}", "2.5"), ("v{i=\"4\", j=\"y\"}", "1e21"));
        await Vector(source, Agg(AggregateOp.CountValues, Sel("v"), S("val")), "0s",
            ("{val=\"1\"}", 2), ("{val=\"2.5\"}", 1), ("{val=\"1000000000000000000000\"}", 1));
        await Vector(source, Agg(AggregateOp.CountValues, Sel("v"), S("val"), by: ["j"]), "0s",
            ("{j=\"x\", val=\"1\"}", 2), ("{j=\"y\", val=\"2.5\"}", 1), ("{j=\"y\", val=\"1000000000000000000000\"}", 1));
        await Vector(source, Agg(AggregateOp.CountValues, Sel("v"), S("i"), without: ["j"]), "0s",
            ("{i=\"1\"}", 2), ("{i=\"2.5\"}", 1), ("{i=\"1000000000000000000000\"}", 1));
    }

    [Fact]
    public async Task Count_values_needs_a_valid_label_name() =>
        await Fails(() => Instant(_source, Agg(AggregateOp.CountValues, Sel("req"), S("")), "0s"), PromQlErrorType.Execution, "invalid label name \"\"");

    [Fact]
    public async Task Aggregating_nothing_is_empty() =>
        await Vector(_source, Agg(AggregateOp.Sum, Sel("nothing")), "0s");
}
