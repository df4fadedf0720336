using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class HistogramQuantileTests
{
    private static InMemorySeriesSource Buckets(params (string Le, string Count)[] buckets) =>
        TestData.Load("1m", [.. buckets.Select(b => ($"h_bucket{{job=\"a\", le=\"{b.Le}\"}}", b.Count))]);

    private readonly InMemorySeriesSource _source = Buckets(("0.1", "10"), ("0.5", "30"), ("1", "40"), ("+Inf", "50"));

    [Theory]
    [InlineData(0.5, 0.4)]
    [InlineData(0.05, 0.025)]
    [InlineData(0.2, 0.1)]
    [InlineData(0.7, 0.75)]
    [InlineData(0.99, 1)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public async Task Interpolates_linearly_inside_the_bucket_that_holds_the_rank(double q, double expected) =>
        await Vector(_source, F("histogram_quantile", N(q), Sel("h_bucket")), "0s", ("{job=\"a\"}", expected));

    [Fact]
    public async Task Quantiles_outside_zero_to_one_are_infinite_and_warn()
    {
        var result = await Instant(_source, F("histogram_quantile", N(1.5), Sel("h_bucket")), "0s");
        VectorEquals(result.Value, ordered: false, ("{job=\"a\"}", double.PositiveInfinity));
        Assert.Equal(["PromQL warning: quantile value should be between 0 and 1, got 1.5"], result.Warnings);
        await Vector(_source, F("histogram_quantile", N(-0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", double.NegativeInfinity));
        await Vector(_source, F("histogram_quantile", N(double.NaN), Sel("h_bucket")), "0s", ("{job=\"a\"}", double.NaN));
    }

    [Fact]
    public async Task Without_an_infinite_bucket_the_answer_is_NaN() =>
        await Vector(Buckets(("0.1", "10"), ("1", "20")), F("histogram_quantile", N(0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", double.NaN));

    [Fact]
    public async Task No_observations_or_only_the_infinite_bucket_is_NaN()
    {
        await Vector(Buckets(("0.1", "0"), ("+Inf", "0")), F("histogram_quantile", N(0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", double.NaN));
        await Vector(Buckets(("+Inf", "7")), F("histogram_quantile", N(0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", double.NaN));
    }

    [Fact]
    public async Task Decreasing_bucket_counts_are_made_monotonic()
    {
        // The 0.5 bucket (8) is raised to 10, so rank 25 falls in (0.5, 1]: 0.5 + 0.5 × 15/30.
        var source = Buckets(("0.1", "10"), ("0.5", "8"), ("1", "40"), ("+Inf", "50"));
        await Vector(source, F("histogram_quantile", N(0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", 0.75));
    }

    [Fact]
    public async Task A_first_bucket_at_or_below_zero_is_not_interpolated_from_zero() =>
        await Vector(Buckets(("-1", "5"), ("0", "10"), ("+Inf", "20")), F("histogram_quantile", N(0.1), Sel("h_bucket")), "0s", ("{job=\"a\"}", -1));

    [Fact]
    public async Task Equal_bounds_written_differently_are_one_bucket() =>
        await Vector(Buckets(("1", "5"), ("1.0", "5"), ("+Inf", "20")), F("histogram_quantile", N(0.25), Sel("h_bucket")), "0s", ("{job=\"a\"}", 0.5));

    [Fact]
    public async Task A_malformed_le_is_skipped_with_a_warning()
    {
        var source = Buckets(("0.1", "10"), ("0.5", "30"), ("1", "40"), ("+Inf", "50"), ("abc", "99"));
        var result = await Instant(source, F("histogram_quantile", N(0.5), Sel("h_bucket")), "0s");
        VectorEquals(result.Value, ordered: false, ("{job=\"a\"}", 0.4));
        Assert.Equal(["PromQL warning: bucket label \"le\" is missing or has a malformed value of \"abc\""], result.Warnings);
    }

    [Fact]
    public async Task Each_label_combination_is_its_own_histogram()
    {
        var source = TestData.Load(
            "1m",
            ("h_bucket{job=\"a\", le=\"1\"}", "10"), ("h_bucket{job=\"a\", le=\"+Inf\"}", "20"),
            ("h_bucket{job=\"b\", le=\"1\"}", "0"), ("h_bucket{job=\"b\", le=\"+Inf\"}", "20"));
        await Vector(source, F("histogram_quantile", N(0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", 1), ("{job=\"b\"}", 1));
        await Vector(source, F("histogram_quantile", N(0.25), Sel("h_bucket")), "0s", ("{job=\"a\"}", 0.5), ("{job=\"b\"}", 1));
    }

    [Fact]
    public async Task The_dashboard_query_over_rates_summed_by_le()
    {
        var source = TestData.Load(
            "15s",
            ("h_bucket{i=\"1\", le=\"0.1\"}", "0+1x40"), ("h_bucket{i=\"1\", le=\"1\"}", "0+3x40"), ("h_bucket{i=\"1\", le=\"+Inf\"}", "0+4x40"),
            ("h_bucket{i=\"2\", le=\"0.1\"}", "0+1x40"), ("h_bucket{i=\"2\", le=\"1\"}", "0+1x40"), ("h_bucket{i=\"2\", le=\"+Inf\"}", "0+4x40"));

        // Per second: le=0.1 2/15, le=1 4/15, +Inf 8/15; φ=0.5 is rank 4/15, the top of the (0.1, 1] bucket.
        var query = F("histogram_quantile", N(0.5), Agg(AggregateOp.Sum, F("rate", Sel("h_bucket").R("1m")), by: ["le"]));
        await Matrix(source, query, "2m", "4m", "1m", ("{}", "1 1 1"));
    }

    [Fact]
    public async Task Histogram_fraction_estimates_the_share_between_bounds()
    {
        await Vector(_source, F("histogram_fraction", N(0), N(0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", 0.6));
        await Vector(_source, F("histogram_fraction", N(0.3), N(1), Sel("h_bucket")), "0s", ("{job=\"a\"}", 0.4));
        await Vector(_source, F("histogram_fraction", N(1), N(0.5), Sel("h_bucket")), "0s", ("{job=\"a\"}", 0));
        await Vector(_source, F("histogram_fraction", N(double.NegativeInfinity), N(double.PositiveInfinity), Sel("h_bucket")), "0s", ("{job=\"a\"}", 1));
    }

    [Fact]
    public async Task Native_histogram_functions_see_no_float_samples() =>
        await Vector(_source, F("histogram_count", Sel("h_bucket")), "0s");
}
