using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class MathFunctionTests
{
    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("v{i=\"neg\"}", "-2.5"),
        ("v{i=\"pos\"}", "2.5"),
        ("v{i=\"nan\"}", "NaN"),
        ("v{i=\"inf\"}", "Inf"));

    [Theory]
    [InlineData("abs", 2.5, 2.5)]
    [InlineData("ceil", -2, 3)]
    [InlineData("floor", -3, 2)]
    [InlineData("sgn", -1, 1)]
    [InlineData("exp", 0.0820849986238988, 12.182493960703473)]
    [InlineData("sqrt", double.NaN, 1.5811388300841898)]
    [InlineData("ln", double.NaN, 0.9162907318741551)]
    [InlineData("log2", double.NaN, 1.3219280948873624)]
    [InlineData("log10", double.NaN, 0.3979400086720376)]
    [InlineData("deg", -143.2394487827058, 143.2394487827058)]
    [InlineData("rad", -0.04363323129985824, 0.04363323129985824)]
    [InlineData("sin", -0.5984721441039565, 0.5984721441039565)]
    [InlineData("cos", -0.8011436155469337, -0.8011436155469337)]
    [InlineData("tanh", -0.9866142981514303, 0.9866142981514303)]
    [InlineData("asinh", -1.6472311463710958, 1.6472311463710958)]
    public async Task Applies_to_each_sample_and_drops_the_name(string function, double negative, double positive) =>
        await Vector(
            _source, F(function, SelWith("v", M("i", MatchOp.Regex, "neg|pos"))), "0s",
            ("{i=\"neg\"}", negative), ("{i=\"pos\"}", positive));

    [Fact]
    public async Task Log2_of_a_power_of_two_is_exact() =>
        await Vector(TestData.Load("1m", ("x", "1024")), F("log2", Sel("x")), "0s", ("{}", 10));

    [Fact]
    public async Task NaN_stays_NaN_and_infinity_follows_ieee()
    {
        await Vector(_source, F("abs", Sel("v", ("i", "nan"))), "0s", ("{i=\"nan\"}", double.NaN));
        await Vector(_source, F("sgn", Sel("v", ("i", "nan"))), "0s", ("{i=\"nan\"}", double.NaN));
        await Vector(_source, F("ln", Sel("v", ("i", "inf"))), "0s", ("{i=\"inf\"}", double.PositiveInfinity));
        await Vector(_source, F("sin", Sel("v", ("i", "inf"))), "0s", ("{i=\"inf\"}", double.NaN));
    }

    [Fact]
    public async Task Clamp_limits_to_the_bounds_and_gives_nothing_when_max_is_below_min()
    {
        var selector = SelWith("v", M("i", MatchOp.Regex, "neg|pos|inf"));
        await Vector(_source, F("clamp", selector, N(-1), N(1)), "0s", ("{i=\"neg\"}", -1), ("{i=\"pos\"}", 1), ("{i=\"inf\"}", 1));
        await Vector(_source, F("clamp", selector, N(1), N(-1)), "0s");
        await Vector(_source, F("clamp_min", selector, N(0)), "0s", ("{i=\"neg\"}", 0), ("{i=\"pos\"}", 2.5), ("{i=\"inf\"}", double.PositiveInfinity));
        await Vector(_source, F("clamp_max", selector, N(0)), "0s", ("{i=\"neg\"}", -2.5), ("{i=\"pos\"}", 0), ("{i=\"inf\"}", 0));
    }

    [Fact]
    public async Task Clamp_of_NaN_is_NaN() =>
        await Vector(_source, F("clamp", Sel("v", ("i", "nan")), N(0), N(1)), "0s", ("{i=\"nan\"}", double.NaN));

    [Fact]
    public async Task Round_rounds_ties_up_to_the_nearest_multiple()
    {
        await Vector(_source, F("round", SelWith("v", M("i", MatchOp.Regex, "neg|pos"))), "0s", ("{i=\"neg\"}", -2), ("{i=\"pos\"}", 3));
        var source = TestData.Load("1m", ("x", "12.34"));
        await Vector(source, F("round", Sel("x"), N(0.1)), "0s", ("{}", 12.3));
        await Vector(source, F("round", Sel("x"), N(5)), "0s", ("{}", 10));
    }

    [Fact]
    public async Task Pi_is_a_scalar() => await Scalar(_source, F("pi"), "0s", Math.PI);

    [Fact]
    public async Task Series_equal_once_the_name_is_dropped_collide()
    {
        var source = TestData.Load("1m", ("a{job=\"x\"}", "1"), ("b{job=\"x\"}", "2"));
        var query = F("abs", SelWith(null, M("__name__", MatchOp.Regex, "a|b")));
        await Fails(() => Instant(source, query, "0s"), PromQlErrorType.Execution, "vector cannot contain metrics with the same labelset");
    }

    [Fact]
    public async Task Series_equal_once_the_name_is_dropped_merge_when_they_never_overlap()
    {
        var source = TestData.Load("1m", ("a{job=\"x\"}", "1 1 _x10"), ("b{job=\"x\"}", "_x8 2 2"));
        await Matrix(source, F("abs", SelWith(null, M("__name__", MatchOp.Regex, "a|b"))), "0s", "9m", "3m",
            ("{job=\"x\"}", "1 1 _ 2"));
    }
}
