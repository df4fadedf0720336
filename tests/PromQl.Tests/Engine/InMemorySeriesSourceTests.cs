using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class InMemorySeriesSourceTests
{
    private static readonly Matcher All = Matcher.Create("__name__", MatchOp.Regex, ".+");

    [Fact]
    public async Task Keeps_samples_in_time_order_and_replaces_a_sample_at_the_same_time()
    {
        var source = new InMemorySeriesSource();
        var labels = LabelSet.From(("__name__", "x"));
        source.Add(labels, [new Point(30, 3), new Point(10, 1), new Point(20, 2), new Point(20, 22)]);
        var series = Assert.Single(await source.SelectAsync([All], new SelectHints(0, 100), CancellationToken.None));
        Assert.Equal([(10L, 1.0), (20, 22), (30, 3)], series.Points.Select(p => (p.T, p.V)));
    }

    [Fact]
    public async Task Selects_by_matchers_within_the_closed_window_and_records_the_hints()
    {
        var source = TestData.Load("10s", ("x{job=\"a\"}", "1 2 3 4"), ("x{job=\"b\"}", "5 6 7 8"), ("y", "9"));
        var hints = new SelectHints(10_000, 20_000, 0, "rate", 10_000);
        var series = await source.SelectAsync([Matcher.Create("__name__", MatchOp.Equal, "x"), Matcher.Create("job", MatchOp.Equal, "a")], hints, CancellationToken.None);
        Assert.Equal([10_000L, 20_000], Assert.Single(series).Points.Select(p => p.T));
        Assert.Equal([hints], source.Selects);
        Assert.Empty(await source.SelectAsync([Matcher.Create("__name__", MatchOp.Equal, "y")], hints, CancellationToken.None));
    }

    [Fact]
    public async Task A_selected_window_does_not_change_when_samples_are_written_later()
    {
        var source = new InMemorySeriesSource();
        var labels = LabelSet.From(("__name__", "x"));
        source.Add(labels, [new Point(10, 1), new Point(20, 2)]);
        var before = Assert.Single(await source.SelectAsync([All], new SelectHints(0, 100), CancellationToken.None)).Points;
        source.Add(labels, [new Point(20, 99), new Point(15, 5), new Point(30, 3)]);
        Assert.Equal([1.0, 2], before.Select(p => p.V));
        var after = Assert.Single(await source.SelectAsync([All], new SelectHints(0, 100), CancellationToken.None)).Points;
        Assert.Equal([1.0, 5, 99, 3], after.Select(p => p.V));
    }

    [Fact]
    public async Task Clear_removes_everything()
    {
        var source = TestData.Load("10s", ("x", "1"));
        source.Clear();
        Assert.Equal(0, source.SeriesCount);
        Assert.Empty(await source.SelectAsync([All], new SelectHints(0, 100), CancellationToken.None));
    }
}
