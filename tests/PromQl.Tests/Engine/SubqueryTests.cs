using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class SubqueryTests
{
    private readonly InMemorySeriesSource _source = TestData.Load("30s", ("x{k=\"1\"}", "0+1x100"));

    [Fact]
    public async Task The_inner_expression_is_evaluated_at_multiples_of_the_step_inside_the_window()
    {
        // At 5m30s a [5m:1m] subquery evaluates at 1m, 2m, 3m, 4m, 5m (30s is not on the grid, and 0 is outside the left-open window).
        var result = await Instant(_source, Sub(Sel("x"), "5m", "1m"), "5m30s");
        var series = Assert.Single(Assert.IsType<MatrixValue>(result.Value).Series);
        Assert.Equal("x{k=\"1\"}", series.Metric.ToString());
        Assert.Equal([(60_000L, 2.0), (120_000, 4), (180_000, 6), (240_000, 8), (300_000, 10)], series.Points.Select(p => (p.T, p.V)));
    }

    [Fact]
    public async Task Functions_over_a_subquery_see_its_points()
    {
        await Vector(_source, F("max_over_time", Sub(Sel("x"), "5m", "1m")), "5m30s", ("{k=\"1\"}", 10));
        await Vector(_source, F("count_over_time", Sub(Sel("x"), "5m", "1m")), "5m30s", ("{k=\"1\"}", 5));
        await Vector(_source, F("last_over_time", Sub(Sel("x"), "5m", "1m")), "5m30s", ("x{k=\"1\"}", 10));
    }

    [Fact]
    public async Task A_subquery_without_a_step_steps_by_a_minute_whatever_the_query_step()
    {
        await Vector(_source, F("count_over_time", Sub(Sel("x"), "10m")), "20m", ("{k=\"1\"}", 10));

        // Prometheus steps by its evaluation interval, not by the range query's 2m or 30s.
        await Matrix(_source, F("count_over_time", Sub(Sel("x"), "10m")), "20m", "22m", "2m", ("{k=\"1\"}", "10 10"));
        await Matrix(_source, F("count_over_time", Sub(Sel("x"), "10m")), "20m", "21m", "30s", ("{k=\"1\"}", "10 10 10"));
    }

    [Fact]
    public async Task The_inner_grid_of_a_subquery_without_a_step_has_a_minute_between_steps()
    {
        var source = TestData.Load("30s", ("x", "0+1x100"));
        await Range(source, F("max_over_time", Sub(F("rate", Sel("x").R("2m")), "5m")), "10m", "20m", "5m");
        Assert.Equal(60_000, Assert.Single(source.Selects).StepMs);
    }

    [Fact]
    public async Task The_default_step_can_be_configured()
    {
        var engine = new PromQlEngine(new EngineOptions { DefaultSubqueryStep = TimeSpan.FromSeconds(30) });
        var result = await engine.InstantAsync(_source, F("count_over_time", Sub(Sel("x"), "10m")), 1_200_000, CancellationToken.None);
        VectorEquals(result.Value, ordered: false, ("{k=\"1\"}", 20));
    }

    [Fact]
    public async Task Offset_and_at_move_the_subquery_window()
    {
        await Vector(_source, F("max_over_time", Sub(Sel("x"), "2m", "1m", offset: "10m")), "20m", ("{k=\"1\"}", 20));
        await Vector(_source, F("max_over_time", Sub(Sel("x"), "2m", "1m", at: 600_000)), "40m", ("{k=\"1\"}", 20));
        await Matrix(_source, F("max_over_time", Sub(Sel("x"), "2m", "1m", at: 600_000)), "0s", "2m", "1m", ("{k=\"1\"}", "20 20 20"));
    }

    [Fact]
    public async Task Rates_nest_inside_subqueries()
    {
        // x rises 1 per 30 s: every rate is 1/30, and so is their maximum.
        await Vector(_source, F("max_over_time", Sub(F("rate", Sel("x").R("2m")), "5m", "1m")), "10m", ("{k=\"1\"}", 1.0 / 30));
        await Vector(_source, F("rate", Sub(Sel("x"), "5m", "1m")), "10m", ("{k=\"1\"}", 1.0 / 30));
    }

    [Fact]
    public async Task The_inner_selector_is_loaded_once_with_the_subquery_step_in_its_hints()
    {
        var source = TestData.Load("30s", ("x", "0+1x100"));
        await Range(source, F("max_over_time", Sub(F("rate", Sel("x").R("2m")), "5m", "1m")), "10m", "20m", "5m");
        var hints = Assert.Single(source.Selects);
        // The inner grid starts at 6m, the first minute after 10m - 5m; its first rate window is (4m, 6m].
        Assert.Equal(new SelectHints(240_001, 1_200_000, 60_000, "rate", 120_000), hints);
    }

    [Fact]
    public async Task Nested_subqueries_align_each_level_to_its_own_step() =>
        await Vector(_source, F("max_over_time", Sub(F("min_over_time", Sub(Sel("x"), "2m", "30s")), "4m", "1m")), "10m",
            ("{k=\"1\"}", 17));

    [Fact]
    public async Task A_subquery_before_all_data_is_empty() =>
        await Vector(_source, F("count_over_time", Sub(Sel("x"), "5m", "1m", offset: "1h")), "10m");
}
