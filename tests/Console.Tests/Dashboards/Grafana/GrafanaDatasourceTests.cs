namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>Only Prometheus queries are imported, whichever way the JSON names the data source.</summary>
public sealed class GrafanaDatasourceTests
{
    private static (List<string> Panels, List<string> Unmapped) Import(string panels, string extra = "")
    {
        var import = GrafanaFixtures.Import($$"""{ "title": "d", {{extra}} "panels": {{panels}} }""");
        return ([.. import.Dashboard!.Panels.Select(p => p.Title)], [.. import.Unmapped.Where(u => !u.Reason.Contains("no gridPos", StringComparison.Ordinal)).Select(u => $"{u.Path}: {u.Reason}")]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"Prometheus\"")]
    [InlineData("\"default\"")]
    [InlineData("{ \"type\": \"prometheus\", \"uid\": \"abc\" }")]
    [InlineData("{ \"uid\": \"${DS_METRICS}\" }")]
    [InlineData("\"${DS_METRICS}\"")]
    [InlineData("\"$ds\"")]
    [InlineData("{ \"type\": \"grafana-amazonprometheus-datasource\", \"uid\": \"amp\" }")]
    public void Prometheus_named_in_any_of_grafanas_shapes_is_imported(string datasource)
    {
        var (panels, unmapped) = Import($$"""[{ "type": "graph", "title": "p", "datasource": {{datasource}}, "targets": [{ "expr": "up" }] }]""",
            """ "__inputs": [{ "name": "DS_METRICS", "pluginId": "prometheus" }], "templating": { "list": [{ "type": "datasource", "name": "ds", "query": "prometheus" }] }, """);

        Assert.Equal(["p"], panels);
        Assert.DoesNotContain(unmapped, u => u.StartsWith("panels", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"type\": \"loki\", \"uid\": \"l\" }", "loki")]
    [InlineData("\"${DS_LOGS}\"", "loki")]
    [InlineData("\"Loki (prod)\"", "loki")]
    [InlineData("\"Elasticsearch\"", "elasticsearch")]
    [InlineData("\"-- Grafana --\"", "grafana")]
    [InlineData("{ \"type\": \"datasource\", \"uid\": \"grafana\" }", "grafana")]
    [InlineData("{ \"type\": \"influxdb\" }", "influxdb")]
    public void A_panel_of_another_data_source_is_listed_with_it(string datasource, string plugin)
    {
        var (panels, unmapped) = Import($$"""[{ "type": "timeseries", "title": "p", "datasource": {{datasource}}, "targets": [{ "expr": "up" }] }]""",
            """ "__inputs": [{ "name": "DS_LOGS", "pluginId": "loki" }], """);

        Assert.Empty(panels);
        Assert.Equal($"panels[0]: panel 'p' queries the {plugin} data source, not Prometheus, and is not imported", Assert.Single(unmapped));
    }

    [Fact]
    public void A_mixed_panel_keeps_its_prometheus_queries_and_lists_the_others()
    {
        var (panels, unmapped) = Import("""
            [{ "type": "timeseries", "title": "mixed", "datasource": "-- Mixed --", "targets": [
              { "refId": "A", "datasource": { "type": "prometheus", "uid": "p" }, "expr": "up" },
              { "refId": "B", "datasource": { "type": "loki", "uid": "l" }, "expr": "{app=\"x\"}" },
              { "refId": "C", "datasource": { "type": "__expr__", "uid": "__expr__" }, "expression": "$A * 2", "type": "math" },
              { "refId": "D", "expr": "sum(up)" } ] }]
            """);

        Assert.Equal(["mixed"], panels);
        Assert.Equal(["panels[0].targets[1]: query B uses the loki data source, not Prometheus", "panels[0].targets[2]: query C uses the __expr__ data source, not Prometheus"], unmapped);
    }

    [Fact]
    public void A_panel_whose_own_queries_name_prometheus_is_imported_whatever_the_panel_says()
    {
        var (panels, _) = Import("""[{ "type": "stat", "title": "s", "datasource": "Loki", "targets": [{ "datasource": { "type": "prometheus" }, "expr": "up" }] }]""");
        Assert.Equal(["s"], panels);
    }

    [Fact]
    public void A_variable_of_another_data_source_is_listed()
    {
        var (_, unmapped) = Import("[]", """ "templating": { "list": [{ "type": "query", "name": "app", "datasource": { "type": "loki" }, "query": "label_values(app)" }] }, """);
        Assert.Equal("templating.list[0]: variable 'app' queries the loki data source, not Prometheus", Assert.Single(unmapped));
    }
}
