using System.Text.Json;
using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>A Grafana dashboard pasted into the importer, previewed with what did not map, saved, and drawn from the seeded samples.</summary>
public sealed class DashboardTests(ConsoleWorld world)
{
    [Fact]
    public async Task An_imported_grafana_dashboard_draws_its_panels_from_the_seeded_samples()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/dashboards");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboards", Level = 1 }).WaitForAsync();
        await Axe.AssertAccessibleAsync(page, "dashboards");
        await page.ScreenshotAsync("dashboards");

        await page.GotoAsync("/dashboards/import");
        await page.GetByLabel("Grafana dashboard JSON").FillAsync(GrafanaDashboard(world.Data.Metric));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Import preview" });
        await Assertions.Expect(preview.GetByText("2 panels, 1 variables, range now-2h to now")).ToBeVisibleAsync();
        var unmapped = preview.GetByRole(AriaRole.Table, new() { Name = "Not imported" });
        await Assertions.Expect(unmapped.GetByText("panels[2]")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "dashboard import");
        await page.ScreenshotAsync("dashboard-import");

        await preview.GetByRole(AriaRole.Button, new() { Name = "Save dashboard" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboards/[^/]+$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Shop traffic", Level = 1 }).WaitForAsync();

        // The time series panel: one line per job on the canvas, named in its legend.
        var byJob = page.GetByRole(AriaRole.Region, new() { Name = "Requests by job" });
        var legend = byJob.GetByRole(AriaRole.List, new() { Name = "Requests by job series" });
        foreach (var job in world.Data.Jobs)
        {
            await Assertions.Expect(legend.GetByText(job)).ToBeVisibleAsync();
        }

        Assert.True(await CanvasHasInkAsync(byJob), "the time series panel's canvas is blank");

        // The stat panel: the latest total, a number with the panel's unit.
        var total = page.GetByRole(AriaRole.Region, new() { Name = "Total requests" });
        await Assertions.Expect(total.Locator(".stat-value")).ToHaveTextAsync(new Regex(@"\d"));
        await Axe.AssertAccessibleAsync(page, "dashboard");
        await page.ScreenshotAsync("dashboard");
        await page.Context.CloseAsync();
    }

    /// <summary>A dashboard as Grafana exports it: a time series and a stat panel over Prometheus, a variable, and a pie chart that does not map.</summary>
    private static string GrafanaDashboard(string metric) => JsonSerializer.Serialize(new
    {
        dashboard = new
        {
            title = "Shop traffic",
            tags = new[] { "shop" },
            time = new { from = "now-2h", to = "now" },
            refresh = "1m",
            templating = new
            {
                list = new object[]
                {
                    new { name = "job", label = "Job", type = "query", query = $"label_values({metric}, job)", multi = true, includeAll = true, current = new { value = new[] { "$__all" } } },
                },
            },
            panels = new object[]
            {
                new
                {
                    id = 1, title = "Requests by job", type = "timeseries", gridPos = new { x = 0, y = 0, w = 16, h = 9 },
                    datasource = new { type = "prometheus", uid = "prom" },
                    fieldConfig = new { defaults = new { unit = "reqps" } },
                    targets = new[] { new { refId = "A", expr = $"sum by (job) ({metric}{{job=~\"$job\"}})", legendFormat = "{{job}}" } },
                },
                new
                {
                    id = 2, title = "Total requests", type = "stat", gridPos = new { x = 16, y = 0, w = 8, h = 9 },
                    datasource = new { type = "prometheus", uid = "prom" },
                    fieldConfig = new { defaults = new { unit = "reqps", decimals = 1 } },
                    targets = new[] { new { refId = "A", expr = $"sum({metric}{{job=~\"$job\"}})", legendFormat = "" } },
                },
                new
                {
                    id = 3, title = "Share by job", type = "piechart", gridPos = new { x = 0, y = 9, w = 8, h = 8 },
                    datasource = new { type = "prometheus", uid = "prom" },
                    targets = new[] { new { refId = "A", expr = $"sum by (job) ({metric})", legendFormat = "{{job}}" } },
                },
            },
        },
    });

    private static Task<bool> CanvasHasInkAsync(ILocator panel) => panel.Locator("canvas").First.EvaluateAsync<bool>("""
        canvas => {
          const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
          return false;
        }
        """);
}
