using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.Grafana;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary><c>templating.list</c>: query, custom, interval and constant variables, and what is left out.</summary>
public sealed class GrafanaVariableTests
{
    private static GrafanaImport Import(string variables, string panels = "[]") =>
        GrafanaFixtures.Import($$"""{ "title": "v", "templating": { "list": [{{variables}}] }, "panels": {{panels}} }""");

    [Fact]
    public void A_label_values_query_as_a_string_or_as_grafana_10s_query_object_is_a_query_variable()
    {
        var variables = Import("""
            { "type": "query", "name": "job", "label": "Job", "query": "label_values(up, job)", "multi": true, "includeAll": true,
              "current": { "text": ["All"], "value": ["$__all"] } },
            { "type": "query", "name": "instance", "query": { "qryType": 1, "query": "label_values(up{job=~\"$job\"}, instance)", "refId": "X" },
              "current": { "text": "a:1", "value": "a:1" } },
            { "name": "route", "definition": "label_values(http_route)", "query": 17 }
            """).Dashboard!.Variables;

        Assert.Equal(
        [
            new DashboardVariable { Name = "job", Label = "Job", Query = "label_values(up, job)", Multi = true, IncludeAll = true, Current = ["$__all"] },
            new DashboardVariable { Name = "instance", Query = "label_values(up{job=~\"$job\"}, instance)", Current = ["a:1"] },
            new DashboardVariable { Name = "route", Query = "label_values(http_route)" },
        ], variables, VariableEquality.Instance);
    }

    [Fact]
    public void Other_queries_are_listed_and_a_regex_filter_is_noted()
    {
        var import = Import("""
            { "type": "query", "name": "node", "query": "query_result(node_uname_info)" },
            { "type": "query", "name": "metric", "query": "metrics(http_.*)" },
            { "type": "query", "name": "inst", "query": "label_values(instance)", "regex": "/:9100$/" }
            """);

        Assert.Equal(["inst"], import.Dashboard!.Variables.Select(v => v.Name));
        Assert.Equal(["templating.list[0]", "templating.list[1]", "templating.list[2]"], import.Unmapped.Select(u => u.Path));
        Assert.Contains("not label_values", import.Unmapped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("regex filter /:9100$/ is not kept", import.Unmapped[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_and_interval_variables_keep_their_values_comma_separated()
    {
        var variables = Import("""
            { "type": "custom", "name": "quantile", "query": "p50 : 0.5, p99 : 0.99", "current": { "value": "0.99" } },
            { "type": "custom", "name": "env", "query": "prod,staging\\,eu, dev", "multi": true, "current": { "value": ["prod", "dev"] } },
            { "type": "custom", "name": "opt", "query": "", "options": [{ "text": "x", "value": "x" }, { "text": "y", "value": "y" }] },
            { "type": "interval", "name": "window", "query": "1m,10m,1h", "auto": true, "current": { "value": "10m" } }
            """).Dashboard!.Variables;

        Assert.Equal([("custom", "0.5,0.99"), ("custom", "prod,staging\\,eu,dev"), ("custom", "x,y"), ("interval", "1m,10m,1h")],
            variables.Select(v => (v.Type, v.Query)));
        Assert.Equal(["prod", "dev"], variables[1].Current);
        Assert.Equal(["prod", "staging,eu", "dev"], VariableValidator.SplitValues(variables[1].Query));
    }

    [Fact]
    public void Constants_are_substituted_into_expressions_and_legends_in_every_spelling()
    {
        var import = Import(
            """{ "type": "constant", "name": "env", "query": "prod" }, { "type": "query", "name": "job", "query": "label_values(up{env=\"$env\"}, job)" }""",
            """[{ "type": "graph", "targets": [{ "expr": "up{env=\"$env\", a=\"${env}\", b=\"[[env]]\", c=\"${env:raw}\", d=\"$env_name\"}", "legendFormat": "$env {{job}}" }] }]""");

        var query = Assert.Single(Assert.Single(import.Dashboard!.Panels).Queries);
        Assert.Equal("up{env=\"prod\", a=\"prod\", b=\"prod\", c=\"prod\", d=\"$env_name\"}", query.Expr);
        Assert.Equal("prod {{job}}", query.Legend);
        Assert.Equal("label_values(up{env=\"prod\"}, job)", Assert.Single(import.Dashboard.Variables).Query);
        Assert.Equal(["panels[0]"], import.Unmapped.Select(u => u.Path)); // its gridPos, left out here
    }

    [Fact]
    public void Datasource_textbox_adhoc_and_unnameable_variables_are_listed()
    {
        var import = Import("""
            { "type": "datasource", "name": "ds", "query": "prometheus" },
            { "type": "textbox", "name": "filter" },
            { "type": "adhoc", "name": "Filters" },
            { "type": "query", "name": "my-var", "query": "label_values(job)" },
            { "type": "query", "name": "__interval", "query": "label_values(job)" },
            { "type": "query", "name": "job", "query": "label_values(job)" },
            { "type": "query", "name": "job", "query": "label_values(up, job)" }
            """);

        Assert.Equal("label_values(job)", Assert.Single(import.Dashboard!.Variables).Query);
        Assert.Equal(Enumerable.Range(0, 7).Where(i => i != 5).Select(i => $"templating.list[{i}]"), import.Unmapped.Select(u => u.Path));
    }

    [Fact]
    public void Selected_values_fit_the_variable()
    {
        var variables = Import("""
            { "type": "query", "name": "a", "query": "label_values(a)", "current": { "value": "$__all" } },
            { "type": "query", "name": "b", "query": "label_values(b)", "current": { "value": ["x", "y"] } },
            { "type": "query", "name": "c", "query": "label_values(c)", "current": { "value": 3 } }
            """).Dashboard!.Variables;

        Assert.Equal([[], ["x"], []], variables.Select(v => v.Current.ToArray()));
    }

    private sealed class VariableEquality : IEqualityComparer<DashboardVariable>
    {
        public static readonly VariableEquality Instance = new();

        public bool Equals(DashboardVariable? x, DashboardVariable? y) =>
            x is not null && y is not null && (x with { Current = [] }) == (y with { Current = [] }) && x.Current.SequenceEqual(y.Current);

        public int GetHashCode(DashboardVariable obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
