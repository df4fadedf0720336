using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

public sealed class AtModifierVariantsTests
{
    [Theory]
    [InlineData("sum(rate(x[5m]))", "sum(rate(x[5m] @ 300.000))")]
    [InlineData("x @ 60 + y", "x @ 60.000 + y @ 300.000")]
    [InlineData("x @ start() offset 1m", "x @ 300.000 offset 1m")]
    [InlineData("max_over_time(rate(x[1m])[5m:1m])", "max_over_time(rate(x[1m])[5m:1m] @ 300.000)")]
    [InlineData("topk(2, x) or -y", "topk(2, x @ 300.000) or -y @ 300.000")]
    [InlineData("1 + 2", "1 + 2")]
    public void Pins_every_selector_and_subquery_without_a_timestamp(string query, string pinned)
    {
        var variants = AtModifierVariants.For(query, 300_000);
        Assert.Equal([-3_000_000L, 0, 60_000, 300_000, 3_000_000], variants.Select(v => v.TimeMs));
        Assert.All(variants, v => Assert.Equal(pinned, v.Query));
    }

    [Fact]
    public void At_time_zero_runs_a_second_either_side() =>
        Assert.Equal([-1000L, 0, 1000], AtModifierVariants.For("x", 0).Select(v => v.TimeMs));

    [Theory]
    [InlineData("time()")]
    [InlineData("timestamp(x)")]
    [InlineData("sum(hour(x))")]
    [InlineData("predict_linear(x[5m], 60)")]
    [InlineData("x +")]
    public void Leaves_out_time_dependent_and_unparsable_queries(string query) => Assert.Empty(AtModifierVariants.For(query, 300_000));
}
