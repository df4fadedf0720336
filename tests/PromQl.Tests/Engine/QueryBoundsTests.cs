using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>A block of a longer range query: its steps are its own, <c>@ start()</c> and <c>@ end()</c> are the whole query's.</summary>
public sealed class QueryBoundsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly InMemorySeriesSource _source = TestData.Load("1m", ("x", "0+1x30"));

    [Theory]
    [InlineData("x @ start()", 2.0)]
    [InlineData("x @ end()", 20.0)]
    [InlineData("x", double.NaN)]
    public async Task Anchors_pin_to_the_query_bounds_not_the_block(string query, double pinned)
    {
        var engine = new PromQlEngine();
        var expr = PromQlParser.ParseExpr(query);

        // Steps 10m..12m of a query from 2m to 20m.
        var block = await engine.RangeAsync(_source, expr, 600_000, 720_000, 60_000, new QueryBounds(120_000, 1_200_000), Ct);

        var points = Assert.Single(Assert.IsType<MatrixValue>(block.Value).Series).Points;
        Assert.Equal([600_000L, 660_000, 720_000], points.Select(p => p.T));
        Assert.Equal(double.IsNaN(pinned) ? [10.0, 11, 12] : [pinned, pinned, pinned], points.Select(p => p.V));
    }

    [Fact]
    public async Task Blocks_joined_are_the_whole_query()
    {
        var engine = new PromQlEngine();
        var expr = PromQlParser.ParseExpr("rate(x[3m]) + scalar(x @ end())");
        var bounds = new QueryBounds(300_000, 1_500_000);

        var whole = await engine.RangeAsync(_source, expr, bounds.StartMs, bounds.EndMs, 60_000, Ct);
        var first = await engine.RangeAsync(_source, expr, 300_000, 840_000, 60_000, bounds, Ct);
        var second = await engine.RangeAsync(_source, expr, 900_000, 1_500_000, 60_000, bounds, Ct);

        static IEnumerable<(long, double)> Points(QueryResult r) => Assert.Single(Assert.IsType<MatrixValue>(r.Value).Series).Points.Select(p => (p.T, p.V));
        Assert.Equal(Points(whole), Points(first).Concat(Points(second)));
    }
}
