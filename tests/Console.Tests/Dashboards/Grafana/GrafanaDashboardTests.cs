using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.Grafana;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>The dashboard's own fields, the two JSON envelopes, and the JSON that is not a dashboard.</summary>
public sealed class GrafanaDashboardTests
{
    private const string Minimal = """{ "title": "Mine", "tags": ["a", " b ", "", 3, "a"], "time": { "from": "now-2d", "to": "now-1d" }, "refresh": "10s", "panels": [] }""";

    [Fact]
    public void The_bare_dashboard_and_the_api_envelope_import_alike()
    {
        var bare = GrafanaFixtures.Import(Minimal);
        var wrapped = GrafanaFixtures.Import(Minimal, wrap: true);

        foreach (var import in new[] { bare, wrapped })
        {
            var dashboard = import.Dashboard!;
            Assert.Equal(("Mine", "now-2d", "now-1d", "10s"), (dashboard.Title, dashboard.Time.From, dashboard.Time.To, dashboard.Refresh));
            Assert.Equal(["a", "b"], dashboard.Tags);
            Assert.Equal(["tags[2]", "tags[3]"], import.Unmapped.Select(u => u.Path));
        }
    }

    [Theory]
    [InlineData("\"refresh\": false", null, null)]
    [InlineData("\"refresh\": \"\"", null, null)]
    [InlineData("\"refresh\": \"5m\"", "5m", null)]
    [InlineData("\"refresh\": \"500ms\"", null, "refresh")]
    [InlineData("\"refresh\": \"1.5m\"", null, "refresh")]
    public void Refresh_is_kept_when_the_console_can_do_it(string field, string? refresh, string? note)
    {
        var import = GrafanaFixtures.Import($$"""{ "title": "r", {{field}} }""");
        Assert.Equal(refresh, import.Dashboard!.Refresh);
        Assert.Equal(note is null ? [] : [note], import.Unmapped.Select(u => u.Path));
    }

    [Fact]
    public void A_missing_title_time_range_or_newer_schema_is_noted_with_what_was_used_instead()
    {
        var import = GrafanaFixtures.Import("""{ "schemaVersion": 41, "time": { "from": "yesterday", "to": "now" } }""");

        Assert.Equal((GrafanaImporter.DefaultTitle, DashboardTime.Default), (import.Dashboard!.Title, import.Dashboard.Time));
        Assert.Equal(["schemaVersion", "title", "time"], import.Unmapped.Select(u => u.Path));
    }

    [Fact]
    public void Annotations_other_than_grafanas_built_in_one_and_dashboard_links_are_listed()
    {
        var import = GrafanaFixtures.Import("""
            { "title": "a", "annotations": { "list": [
                { "builtIn": 1, "name": "Annotations & Alerts", "type": "dashboard" },
                { "name": "Deploys", "expr": "changes(x[1m]) > 0" } ] },
              "links": [{ "title": "Docs", "url": "https://example.com" }] }
            """);

        Assert.Equal([new("annotations.list[1]", "annotation 'Deploys' is not supported"), new("links", "1 dashboard link(s) are not supported")], import.Unmapped);
    }

    [Theory]
    [InlineData("[]", "")]
    [InlineData("\"dashboard\"", "")]
    [InlineData("{ \"dashboard\": [1] }", "dashboard")]
    [InlineData("{ \"panels\": {} }", "panels")]
    [InlineData("{ \"dashboard\": { \"rows\": \"none\" } }", "rows")]
    public void Json_that_is_not_a_dashboard_is_an_error_naming_where(string json, string path)
    {
        var import = GrafanaFixtures.Import(json);

        Assert.Null(import.Dashboard);
        Assert.Equal([path], import.Errors.Keys);
    }

    [Fact]
    public void A_string_that_is_not_unicode_text_is_an_error_naming_where()
    {
        var surrogate = GrafanaFixtures.Import("""{ "title": "ok", "panels": [{ "type": "graph", "title": "x\ud800" }] }""");
        using var bytes = System.Text.Json.JsonDocument.Parse(new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xE0, (byte)'"', (byte)'}' });

        Assert.Equal(["panels[0].title"], surrogate.Errors.Keys);
        Assert.Equal(["t"], GrafanaImporter.Import(bytes.RootElement).Errors.Keys);
    }

    [Fact]
    public void More_panels_than_a_dashboard_holds_is_an_error()
    {
        var panels = string.Join(",", Enumerable.Range(0, DashboardLimits.MaxPanels + 1).Select(i => $$"""{ "type": "graph", "targets": [{ "expr": "m{{i}}" }] }"""));
        var import = GrafanaFixtures.Import($$"""{ "title": "big", "panels": [{{panels}}] }""");

        Assert.Null(import.Dashboard);
        Assert.Contains("501 panels", Assert.Single(import.Errors["panels"]), StringComparison.Ordinal);
    }
}
