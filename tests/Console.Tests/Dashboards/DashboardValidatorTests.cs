using AirisEpm.Console.Tests.Dashboards.Support;
using AirisEpm.WebConsole.Dashboards;

namespace AirisEpm.Console.Tests.Dashboards;

public sealed class DashboardValidatorTests
{
    private static readonly DashboardValidator Validator = new();

    [Fact]
    public void A_dashboard_of_every_panel_type_with_a_variable_is_valid()
    {
        var result = Validator.Validate(SampleDashboards.Valid());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    public static TheoryData<string, Func<Dashboard, Dashboard>, string> Broken => new()
    {
        { "blank title", d => d with { Title = "  " }, "title" },
        { "repeated tag", d => d with { Tags = ["a", "a"] }, "tags" },
        { "bad from", d => d with { Time = new DashboardTime("yesterday", "now") }, "time.from" },
        { "bad to", d => d with { Time = new DashboardTime("now-1h", "now-") }, "time.to" },
        { "bad refresh", d => d with { Refresh = "0s" }, "refresh" },
        { "x past the grid", d => WithGrid(d, new GridPos(24, 0, 1, 8)), "panels[0].grid.x" },
        { "negative x", d => WithGrid(d, new GridPos(-1, 0, 4, 8)), "panels[0].grid.x" },
        { "zero width", d => WithGrid(d, new GridPos(0, 0, 0, 8)), "panels[0].grid.w" },
        { "ends past column 24", d => WithGrid(d, new GridPos(20, 0, 8, 8)), "panels[0].grid" },
        { "negative y", d => WithGrid(d, new GridPos(0, -2, 4, 8)), "panels[0].grid.y" },
        { "zero height", d => WithGrid(d, new GridPos(0, 0, 4, 0)), "panels[0].grid.h" },
        { "overlap", d => WithGrid(d, new GridPos(6, 4, 12, 8)), "panels[1].grid" },
        { "empty expr", d => WithPanel(d, 0, p => p with { Queries = [new PanelQuery("A", " ", null)] }), "panels[0].queries[0].expr" },
        { "no queries", d => WithPanel(d, 0, p => p with { Queries = [] }), "panels[0].queries" },
        { "repeated refId", d => WithPanel(d, 0, p => p with { Queries = [p.Queries[0], p.Queries[0]] }), "panels[0].queries[1].refId" },
        { "bad refId", d => WithPanel(d, 0, p => p with { Queries = [p.Queries[0] with { RefId = "A B" }] }), "panels[0].queries[0].refId" },
        { "unknown panel type", d => WithPanel(d, 1, p => p with { Type = "piechart" }), "panels[1].type" },
        { "duplicate panel id", d => WithPanel(d, 2, p => p with { Id = 1 }), "panels[2].id" },
        { "panel id zero", d => WithPanel(d, 2, p => p with { Id = 0 }), "panels[2].id" },
        { "decimals", d => WithPanel(d, 1, p => p with { Decimals = 21 }), "panels[1].decimals" },
        { "thresholds not ascending", d => WithPanel(d, 1, p => p with { Thresholds = [new Threshold(2, "red"), new Threshold(1, "orange")] }), "panels[1].thresholds[1].value" },
        { "threshold not finite", d => WithPanel(d, 1, p => p with { Thresholds = [new Threshold(double.NaN, "red")] }), "panels[1].thresholds[0].value" },
        { "threshold without colour", d => WithPanel(d, 1, p => p with { Thresholds = [new Threshold(1, "")] }), "panels[1].thresholds[0].color" },
        { "variable name with a dash", d => WithVariable(d, v => v with { Name = "my-job" }), "variables[0].name" },
        { "variable name starting with a digit", d => WithVariable(d, v => v with { Name = "1job" }), "variables[0].name" },
        { "variable name reserved for macros", d => WithVariable(d, v => v with { Name = "__interval" }), "variables[0].name" },
        { "duplicate variable", d => d with { Variables = [d.Variables[0], d.Variables[0]] }, "variables[1].name" },
        { "not label_values", d => WithVariable(d, v => v with { Query = "query_result(up)" }), "variables[0].query" },
        { "unknown variable type", d => WithVariable(d, v => v with { Type = "adhoc" }), "variables[0].type" },
        { "interval of a non-duration", d => WithVariable(d, v => v with { Type = VariableTypes.Interval, Query = "1m,soon" }), "variables[0].query" },
        { "two values, not multi", d => WithVariable(d, v => v with { Multi = false, IncludeAll = false, Current = ["a", "b"] }), "variables[0].current" },
        { "all without includeAll", d => WithVariable(d, v => v with { IncludeAll = false }), "variables[0].current" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_is_reported_under_its_json_path(string why, Func<Dashboard, Dashboard> breakIt, string path)
    {
        var result = Validator.Validate(breakIt(SampleDashboards.Valid()));

        Assert.False(result.IsValid, why);
        Assert.Contains(result.Errors, e => e.PropertyName == path);
    }

    [Fact]
    public void Null_collections_from_explicit_json_nulls_are_reported_not_thrown()
    {
        var result = Validator.Validate(SampleDashboards.Valid() with { Tags = null!, Panels = null!, Variables = null!, Time = null! });

        Assert.Equal(["panels", "tags", "time", "variables"], result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("label_values(job)")]
    [InlineData(" label_values( up{env=\"prod\", team=~\"a|b\"} , instance ) ")]
    [InlineData("label_values(http_server_request_duration_seconds_count{job=~\"$job\"}, http_route)")]
    public void Label_values_with_or_without_a_selector_is_a_query(string query) => Assert.True(VariableValidator.IsLabelValues(query));

    [Theory]
    [InlineData("label_values()")]
    [InlineData("label_values(up, )")]
    [InlineData("label_values(, job)")]
    [InlineData("label_names()")]
    [InlineData("label_values(up, job) + 1")]
    public void Other_queries_are_not(string query) => Assert.False(VariableValidator.IsLabelValues(query));

    private static Dashboard WithGrid(Dashboard d, GridPos grid) => WithPanel(d, 0, p => p with { Grid = grid });

    private static Dashboard WithPanel(Dashboard d, int index, Func<Panel, Panel> change) =>
        d with { Panels = [.. d.Panels.Select((p, i) => i == index ? change(p) : p)] };

    private static Dashboard WithVariable(Dashboard d, Func<DashboardVariable, DashboardVariable> change) =>
        d with { Variables = [change(d.Variables[0])] };
}
