using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class OverTimeTests
{
    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("g{job=\"a\"}", "1 3 2 8 4"),
        ("g{job=\"b\"}", "NaN 1 NaN"));

    [Theory]
    [InlineData("avg_over_time", 17.0 / 4)]
    [InlineData("sum_over_time", 17)]
    [InlineData("count_over_time", 4)]
    [InlineData("min_over_time", 2)]
    [InlineData("max_over_time", 8)]
    [InlineData("last_over_time", 4)]
    [InlineData("first_over_time", 3)]
    [InlineData("present_over_time", 1)]
    [InlineData("stdvar_over_time", 5.1875)]
    [InlineData("stddev_over_time", 2.277608394786075)]
    [InlineData("changes", 3)]
    [InlineData("resets", 2)]
    public async Task Aggregates_the_samples_in_the_left_open_window(string function, double expected)
    {
        // (0, 4m] holds 3 2 8 4.
        var expectedSeries = function is "last_over_time" or "first_over_time" ? "g{job=\"a\"}" : "{job=\"a\"}";
        await Vector(_source, F(function, Sel("g", ("job", "a")).R("4m")), "4m", (expectedSeries, expected));
    }

    [Fact]
    public async Task Quantile_over_time_interpolates_between_ranks()
    {
        // Sorted 2 3 4 8: φ=0.5 is rank 1.5, halfway between 3 and 4.
        await Vector(_source, F("quantile_over_time", N(0.5), Sel("g", ("job", "a")).R("4m")), "4m", ("{job=\"a\"}", 3.5));
        await Vector(_source, F("quantile_over_time", N(0), Sel("g", ("job", "a")).R("4m")), "4m", ("{job=\"a\"}", 2));
        await Vector(_source, F("quantile_over_time", N(1), Sel("g", ("job", "a")).R("4m")), "4m", ("{job=\"a\"}", 8));
    }

    [Fact]
    public async Task Quantile_over_time_outside_zero_to_one_is_infinite_with_a_warning()
    {
        var result = await Instant(_source, F("quantile_over_time", N(1.5), Sel("g", ("job", "a")).R("4m")), "4m");
        VectorEquals(result.Value, ordered: false, ("{job=\"a\"}", double.PositiveInfinity));
        Assert.Equal(["PromQL warning: quantile value should be between 0 and 1, got 1.5"], result.Warnings);

        result = await Instant(_source, F("quantile_over_time", N(-1), Sel("g", ("job", "a")).R("4m")), "4m");
        VectorEquals(result.Value, ordered: false, ("{job=\"a\"}", double.NegativeInfinity));
    }

    [Fact]
    public async Task NaN_samples_count_and_poison_as_in_prometheus()
    {
        // (-1m, 2m] holds NaN 1 NaN.
        await Vector(_source, F("count_over_time", Sel("g", ("job", "b")).R("3m")), "2m", ("{job=\"b\"}", 3));
        await Vector(_source, F("sum_over_time", Sel("g", ("job", "b")).R("3m")), "2m", ("{job=\"b\"}", double.NaN));

        // max/min take a NaN only when nothing else is there to compare.
        await Vector(_source, F("max_over_time", Sel("g", ("job", "b")).R("3m")), "2m", ("{job=\"b\"}", 1));
        await Vector(_source, F("min_over_time", Sel("g", ("job", "b")).R("3m")), "2m", ("{job=\"b\"}", 1));

        // NaN to NaN is no change; NaN to 1 and back are two.
        await Vector(_source, F("changes", Sel("g", ("job", "b")).R("3m")), "2m", ("{job=\"b\"}", 2));
    }

    [Fact]
    public async Task Avg_over_time_keeps_precision_where_a_plain_sum_loses_it()
    {
        var source = TestData.Load("1m", ("x", "1e100 1 -1e100 1"));
        await Vector(source, F("avg_over_time", Sel("x").R("4m")), "3m", ("{}", 0.5));
        await Vector(source, F("sum_over_time", Sel("x").R("4m")), "3m", ("{}", 2));
    }

    [Fact]
    public async Task Avg_over_time_survives_a_sum_that_would_overflow()
    {
        var source = TestData.Load("1m", ("x", "1.5e308 1.5e308 1.5e308"));
        await Vector(source, F("avg_over_time", Sel("x").R("3m")), "2m", ("{}", 1.5e308));
    }

    [Fact]
    public async Task Last_over_time_keeps_the_name_and_other_functions_drop_it()
    {
        await Vector(_source, F("last_over_time", Sel("g", ("job", "a")).R("1m")), "4m", ("g{job=\"a\"}", 4));
        await Vector(_source, F("max_over_time", Sel("g", ("job", "a")).R("1m")), "4m", ("{job=\"a\"}", 4));
    }

    [Fact]
    public async Task An_empty_window_yields_no_sample()
    {
        await Vector(_source, F("count_over_time", Sel("g", ("job", "b")).R("1m")), "4m");
        await Matrix(_source, F("count_over_time", Sel("g", ("job", "b")).R("1m")), "0s", "4m", "1m", ("{job=\"b\"}", "1 1 1 _ _"));
    }

    [Fact]
    public async Task Variance_of_a_constant_is_zero()
    {
        var source = TestData.Load("1m", ("x", "0.1x10"));
        await Vector(source, F("stdvar_over_time", Sel("x").R("10m")), "10m", ("{}", 0));
    }
}
