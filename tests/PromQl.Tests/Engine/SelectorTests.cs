using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class SelectorTests
{
    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("x{job=\"a\"}", "0+10x10"),
        ("x{job=\"b\"}", "1 _ _ _ _ _ _ _ 5"),
        ("y{job=\"a\"}", "1 2 stale 4"));

    [Fact]
    public async Task An_instant_selector_takes_the_latest_sample_in_the_lookback() =>
        await Vector(_source, Sel("x"), "90s", ("x{job=\"a\"}", 10), ("x{job=\"b\"}", 1));

    [Fact]
    public async Task The_lookback_is_left_open_so_a_sample_exactly_five_minutes_old_is_gone()
    {
        await Vector(_source, Sel("x", ("job", "b")), "4m59s999ms", ("x{job=\"b\"}", 1));
        await Vector(_source, Sel("x", ("job", "b")), "5m");
    }

    [Fact]
    public async Task A_stale_marker_ends_the_series_until_the_next_sample()
    {
        await Vector(_source, Sel("y"), "2m30s");
        await Vector(_source, Sel("y"), "3m", ("y{job=\"a\"}", 4));
    }

    [Fact]
    public async Task Offset_moves_the_evaluation_time_back() =>
        await Vector(_source, Sel("x", ("job", "a")).Offset("3m"), "5m", ("x{job=\"a\"}", 20));

    [Fact]
    public async Task A_negative_offset_looks_ahead() =>
        await Vector(_source, Sel("x", ("job", "a")) with { Modifiers = new TimeModifiers(-120_000, null, AtAnchor.None) }, "5m", ("x{job=\"a\"}", 70));

    [Fact]
    public async Task The_at_modifier_pins_the_time_and_the_sample_keeps_the_query_time()
    {
        var result = await Instant(_source, Sel("x", ("job", "a")).At(120_000), "10m");
        var sample = Assert.Single(Assert.IsType<VectorValue>(result.Value).Samples);
        Assert.Equal((600_000L, 20.0), (sample.T, sample.V));
    }

    [Fact]
    public async Task At_start_and_end_pin_to_the_range_query_ends() =>
        await Matrix(
            _source, B(BinaryOp.Sub, Sel("x", ("job", "a")).At(AtAnchor.End), Sel("x", ("job", "a")).At(AtAnchor.Start)), "1m", "4m", "1m",
            ("{job=\"a\"}", "30 30 30 30"));

    [Fact]
    public async Task A_range_selector_is_left_open_and_keeps_the_name()
    {
        var result = await Instant(_source, Sel("x", ("job", "a")).R("3m"), "5m");
        var series = Assert.Single(Assert.IsType<MatrixValue>(result.Value).Series);
        Assert.Equal("x{job=\"a\"}", series.Metric.ToString());
        Assert.Equal([180_000L, 240_000, 300_000], series.Points.Select(p => p.T));
    }

    [Fact]
    public async Task A_range_selector_drops_stale_markers()
    {
        var result = await Instant(_source, Sel("y").R("5m"), "4m");
        var series = Assert.Single(Assert.IsType<MatrixValue>(result.Value).Series);
        Assert.Equal([1.0, 2, 4], series.Points.Select(p => p.V));
    }

    [Fact]
    public async Task A_range_selector_with_offset_and_at_reads_the_pinned_window()
    {
        var result = await Instant(_source, Sel("x", ("job", "a")).At(600_000).Offset("5m").R("2m"), "0s");
        var series = Assert.Single(Assert.IsType<MatrixValue>(result.Value).Series);
        Assert.Equal([(240_000L, 40.0), (300_000L, 50.0)], series.Points.Select(p => (p.T, p.V)));
    }

    [Fact]
    public async Task Series_without_a_sample_in_the_window_are_left_out() =>
        await Vector(_source, Sel("x"), "9m", ("x{job=\"a\"}", 90), ("x{job=\"b\"}", 5));

    [Fact]
    public async Task Regex_and_negative_matchers_select_as_prometheus()
    {
        await Vector(_source, SelWith("x", M("job", MatchOp.Regex, "a|c")), "1m", ("x{job=\"a\"}", 10));
        await Vector(_source, SelWith("x", M("job", MatchOp.NotEqual, "a")), "1m", ("x{job=\"b\"}", 1));
        await Vector(_source, SelWith(null, M("__name__", MatchOp.Regex, "x|y"), M("job", MatchOp.Equal, "a")), "1m",
            ("x{job=\"a\"}", 10), ("y{job=\"a\"}", 2));
    }

    [Fact]
    public async Task An_instant_vector_comes_out_sorted_by_labels()
    {
        var source = TestData.Load("1m", ("m{z=\"1\"}", "1"), ("m{a=\"2\"}", "2"), ("m{a=\"10\"}", "3"));
        await OrderedVector(source, Sel("m"), "0s", ("m{a=\"10\"}", 3), ("m{a=\"2\"}", 2), ("m{z=\"1\"}", 1));
    }

    [Fact]
    public async Task A_range_query_fills_each_step_from_the_lookback() =>
        await Matrix(_source, Sel("x", ("job", "b")), "0s", "10m", "2m", ("x{job=\"b\"}", "1 1 1 _ 5 5"));

    [Fact]
    public async Task Each_selector_asks_the_source_once_for_its_whole_window()
    {
        var source = TestData.Load("1m", ("x{job=\"a\"}", "0+10x10"));
        await Range(source, F("rate", Sel("x").Offset("1m").R("5m")), "10m", "20m", "1m");
        var hints = Assert.Single(source.Selects);
        Assert.Equal(new SelectHints(240_001, 1_140_000, 60_000, "rate", 300_000), hints);
    }

    [Fact]
    public async Task An_instant_selector_asks_for_the_lookback_before_the_first_step()
    {
        var source = TestData.Load("1m", ("x", "1"));
        await Instant(source, Agg(AggregateOp.Sum, Sel("x")), "10m");
        Assert.Equal(new SelectHints(300_001, 600_000, 0, "sum", 0), Assert.Single(source.Selects));
    }

    [Fact]
    public async Task Stats_count_the_samples_loaded_and_the_series_returned()
    {
        var result = await Instant(_source, Sel("x").R("10m"), "10m");
        // (0, 10m]: ten samples of job a, one of job b (its sample at 0 is outside the left-open window).
        Assert.Equal(10 + 1, result.Stats.SamplesLoaded);
        Assert.Equal(2, result.Stats.SeriesReturned);
    }

    [Fact]
    public async Task A_series_the_source_returns_in_parts_is_one_series()
    {
        var source = new PartsSource(TestData.Labels("x{k=\"1\"}"), [new Point(0, 1), new Point(60_000, 2)], [new Point(60_000, 9), new Point(120_000, 3)]);
        // At 1m both parts have a sample; the part the source listed first wins.
        await Matrix(source, Sel("x"), "0s", "2m", "1m", ("x{k=\"1\"}", "1 9 3"));
    }

    /// <summary>A store that answers one series as two overlapping parts.</summary>
    private sealed class PartsSource(LabelSet labels, Point[] first, Point[] second) : ISeriesSource
    {
        public Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<Matcher> matchers, SelectHints hints, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Series>>([new Series(labels, second), new Series(labels, first)]);
    }
}
