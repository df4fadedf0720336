using AirisEpm.WebConsole.Dashboards;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>Panel types, queries, units, decimals and thresholds, in the shapes each Grafana generation wrote.</summary>
public sealed class GrafanaPanelTests
{
    private static Panel? One(string panel, out IReadOnlyList<string> unmapped)
    {
        var import = GrafanaFixtures.Import($$"""{ "title": "t", "panels": [{{panel}}] }""");
        unmapped = [.. import.Unmapped.Where(u => !u.Reason.Contains("no gridPos", StringComparison.Ordinal)).Select(u => $"{u.Path}: {u.Reason}")];
        return import.Dashboard!.Panels.SingleOrDefault();
    }

    private static Panel One(string panel) => One(panel, out _)!;

    [Theory]
    [InlineData("graph", PanelTypes.TimeSeries)]
    [InlineData("timeseries", PanelTypes.TimeSeries)]
    [InlineData("stat", PanelTypes.Stat)]
    [InlineData("singlestat", PanelTypes.Stat)]
    [InlineData("gauge", PanelTypes.Stat)]
    [InlineData("table", PanelTypes.Table)]
    [InlineData("table-old", PanelTypes.Table)]
    public void Grafana_panel_types_map_to_the_three_the_console_draws(string grafana, string console) =>
        Assert.Equal(console, One($$"""{ "type": "{{grafana}}", "targets": [{ "expr": "up" }] }""").Type);

    [Theory]
    [InlineData("piechart")]
    [InlineData("bargauge")]
    [InlineData("text")]
    [InlineData("news")]
    public void Other_panel_types_are_listed_and_left_out(string grafana)
    {
        Assert.Null(One($$"""{ "type": "{{grafana}}", "title": "x", "targets": [{ "expr": "up" }] }""", out var unmapped));
        Assert.Equal($"panels[0]: panel type {grafana} is not supported (panel 'x')", Assert.Single(unmapped));
    }

    [Fact]
    public void Targets_keep_expr_legend_and_refId_and_leave_out_hidden_and_empty_ones()
    {
        var panel = One("""
            { "type": "timeseries", "targets": [
              { "expr": "  sum(rate(a_total[5m])) by (job) ", "legendFormat": "{{job}}", "refId": "A" },
              { "expr": "b", "legendFormat": "__auto", "refId": "A" },
              { "expr": "c", "hide": true, "refId": "C" },
              { "expr": "", "refId": "D" },
              { "expr": "e" } ] }
            """, out var unmapped)!;

        Assert.Equal([new("A", "sum(rate(a_total[5m])) by (job)", "{{job}}"), new("B", "b", null), new("C", "e", null)], panel.Queries);
        Assert.Equal(["panels[0].targets[2]: query C is hidden in Grafana and is not imported", "panels[0].targets[3]: query D has no PromQL expression"], unmapped);
    }

    [Fact]
    public void Time_macros_stay_in_the_expression_for_the_page_and_become_promql_durations()
    {
        var panel = One("""
            { "type": "timeseries", "targets": [
              { "expr": "sum(rate(x_total[$__rate_interval])) / sum(rate(x_total[$__interval])) * increase(y_total[$__range])" } ] }
            """, out var unmapped)!;

        var expr = Assert.Single(panel.Queries).Expr;
        Assert.Equal("sum(rate(x_total[$__rate_interval])) / sum(rate(x_total[$__interval])) * increase(y_total[$__range])", expr);
        Assert.Empty(unmapped);
        var promql = TimeMacros.Interpolate(expr, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        Assert.Equal("sum(rate(x_total[60s])) / sum(rate(x_total[30s])) * increase(y_total[3600s])", promql);
        Assert.NotNull(AirisEpm.PromQl.Parser.PromQlParser.ParseExpr(promql));
    }

    [Fact]
    public void A_macro_the_page_does_not_fill_in_is_listed_and_the_query_kept()
    {
        var panel = One("""{ "type": "timeseries", "targets": [{ "expr": "up @ ${__to:date:seconds}", "refId": "A" }] }""", out var unmapped)!;
        Assert.Single(panel.Queries);
        Assert.Equal("panels[0].targets[0]: query A uses $__to, which the console does not fill in", Assert.Single(unmapped));
    }

    [Fact]
    public void Field_config_defaults_give_unit_decimals_and_thresholds_without_the_base_step()
    {
        var panel = One("""
            { "type": "stat", "targets": [{ "expr": "up" }], "fieldConfig": { "defaults": {
              "unit": "ms", "decimals": 2.4,
              "thresholds": { "mode": "absolute", "steps": [ { "color": "green", "value": null }, { "color": "red", "value": 90 }, { "color": "yellow", "value": 50 } ] } } } }
            """);

        Assert.Equal(("ms", (int?)2), (panel.Unit, panel.Decimals));
        Assert.Equal([new(50, "yellow"), new(90, "red")], panel.Thresholds);
    }

    [Theory]
    [InlineData("""{ "type": "singlestat", "format": "bytes" }""", "bytes")]
    [InlineData("""{ "type": "graph", "y_formats": ["percent", "short"] }""", "percent")]
    [InlineData("""{ "type": "graph", "yaxes": [{ "format": "reqps" }, { "format": "s" }] }""", "reqps")]
    [InlineData("""{ "type": "graph", "yaxes": [{ "format": "short" }] }""", null)]
    [InlineData("""{ "type": "timeseries", "fieldConfig": { "defaults": { "unit": "none" } } }""", null)]
    public void Older_unit_fields_are_read_and_plain_number_units_are_null(string panel, string? unit) =>
        Assert.Equal(unit, One(panel.Replace("{ \"type\"", "{ \"targets\": [{ \"expr\": \"up\" }], \"type\"", StringComparison.Ordinal)).Unit);

    [Fact]
    public void Singlestat_thresholds_take_the_second_and_third_colours_or_grafanas_defaults()
    {
        var named = One("""{ "type": "singlestat", "targets": [{ "expr": "up" }], "thresholds": "1, 2", "colors": ["blue", "yellow", "purple"] }""");
        var unnamed = One("""{ "type": "singlestat", "targets": [{ "expr": "up" }], "thresholds": "70,90,99" }""");

        Assert.Equal([new(1, "yellow"), new(2, "purple")], named.Thresholds);
        Assert.Equal([new(70, "rgba(237, 129, 40, 0.89)"), new(90, "#d44a3a")], unnamed.Thresholds);
    }

    [Fact]
    public void Graph_threshold_lines_take_the_colour_of_their_mode()
    {
        var panel = One("""
            { "type": "graph", "targets": [{ "expr": "up" }], "thresholds": [
              { "value": 10, "colorMode": "warning", "op": "gt" }, { "value": 20, "colorMode": "critical", "op": "gt" },
              { "value": 5, "colorMode": "custom", "lineColor": "#00ff00", "op": "lt" } ] }
            """, out var unmapped)!;

        Assert.Equal([new(5, "#00ff00"), new(10, "orange"), new(20, "red")], panel.Thresholds);
        Assert.Equal("panels[0]: an untitled panel: the threshold below 5 ('lt') is kept as a threshold from 5 up", Assert.Single(unmapped));
    }

    [Fact]
    public void Percentage_thresholds_are_listed_not_misread_as_values()
    {
        var panel = One("""
            { "type": "gauge", "title": "g", "targets": [{ "expr": "up" }], "fieldConfig": { "defaults": {
              "thresholds": { "mode": "percentage", "steps": [{ "color": "green", "value": null }, { "color": "red", "value": 80 }] } } } }
            """, out var unmapped)!;

        Assert.Empty(panel.Thresholds);
        Assert.Contains("thresholds in percent", Assert.Single(unmapped), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_console_does_not_draw_is_listed_under_the_panels_path()
    {
        One("""
            { "type": "timeseries", "title": "busy", "targets": [{ "expr": "up" }], "repeat": "job",
              "transformations": [{ "id": "merge" }, { "id": "organize" }], "links": [{ "url": "/x" }],
              "fieldConfig": { "defaults": {}, "overrides": [{ "matcher": { "id": "byName" } }] },
              "alert": { "name": "too busy" } }
            """, out var unmapped);

        Assert.Equal([
            "panels[0].transformations: panel 'busy': transformations (merge, organize) are not supported",
            "panels[0].fieldConfig.overrides: panel 'busy': 1 field override(s) are not supported",
            "panels[0].links: panel 'busy': panel links are not supported",
            "panels[0].alert: panel 'busy': the legacy alert rule 'too busy' is not imported; create it under Alerts",
            "panels[0].repeat: panel 'busy' repeats for each value of $job; the console shows it once",
        ], unmapped);
    }

    [Fact]
    public void More_queries_than_a_panel_holds_are_listed()
    {
        var targets = string.Join(",", Enumerable.Range(0, 30).Select(i => $$"""{ "expr": "m{{i}}" }"""));
        var panel = One($$"""{ "type": "graph", "targets": [{{targets}}] }""", out var unmapped)!;

        Assert.Equal(DashboardLimits.MaxQueries, panel.Queries.Count);
        Assert.Equal(26, panel.Queries.Select(q => q.RefId).Distinct().Count());
        Assert.Equal(4, unmapped.Count);
    }
}
