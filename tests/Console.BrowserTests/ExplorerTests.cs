using System.Globalization;
using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>The metrics explorer over the seeded samples: a PromQL query drawn by uPlot and tabled, and drag to zoom.</summary>
public sealed class ExplorerTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_query_draws_its_series_on_the_chart_and_lists_them_in_the_table()
    {
        var page = await world.NewPageAsync();
        await OpenExplorerAsync(page);
        await RunAsync(page, $"sum by (job) ({world.Data.Metric})");

        var chart = page.GetByRole(AriaRole.Figure, new() { Name = "Query results" });
        await Assertions.Expect(chart.Locator("canvas")).ToBeVisibleAsync();
        var legend = chart.GetByRole(AriaRole.List, new() { Name = "Query results series" });
        foreach (var job in world.Data.Jobs)
        {
            await Assertions.Expect(legend.GetByText(job)).ToBeVisibleAsync();
        }

        Assert.True(await CanvasHasInkAsync(chart), "the uPlot canvas is blank");
        await Axe.AssertAccessibleAsync(page, "metrics explorer (graph)");
        await page.ScreenshotAsync("metrics-explorer");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Table" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Query A results" });
        foreach (var job in world.Data.Jobs)
        {
            await Assertions.Expect(table.GetByText(job).First).ToBeVisibleAsync();
        }

        Assert.Contains("view=table", page.Url, StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page, "metrics explorer (table)");
        await page.ScreenshotAsync("metrics-table");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dragging_across_the_chart_zooms_into_that_range_and_writes_it_in_the_url()
    {
        var page = await world.NewPageAsync();
        await OpenExplorerAsync(page);
        await RunAsync(page, world.Data.Metric);
        var chart = page.GetByRole(AriaRole.Figure, new() { Name = "Query results" });
        await Assertions.Expect(chart.Locator("canvas")).ToBeVisibleAsync();

        // uPlot listens on its overlay (.u-over), which lies over the plotting area.
        var box = await chart.Locator(".u-over").BoundingBoxAsync() ?? throw new InvalidOperationException("no chart overlay");
        var y = box.Y + (box.Height / 2);
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.25f), y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), y, new() { Steps = 8 });
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.75f), y, new() { Steps = 8 });
        await page.Mouse.UpAsync();

        // The page writes the range with history.pushState: poll the URL (no navigation, no load event to wait for).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]from=\d+"));
        var from = long.Parse(Query(page.Url, "from")!, CultureInfo.InvariantCulture);
        var to = long.Parse(Query(page.Url, "to")!, CultureInfo.InvariantCulture);
        var zoomed = TimeSpan.FromMilliseconds(to - from);
        // Half of the explorer's default hour, give or take the plot's padding.
        Assert.InRange(zoomed, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40));
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(to), DateTimeOffset.UtcNow.AddMinutes(-60), DateTimeOffset.UtcNow);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Back" })).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deep_link_opens_the_explorer_with_its_query_and_metrics_stays_the_prometheus_endpoint()
    {
        var page = await world.NewPageAsync();
        var query = Uri.EscapeDataString($"sum by (job) ({world.Data.Metric})");
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, $"/explore/metrics?q={query}&from=now-1h&to=now");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Metrics", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByTestId("stats-A")).ToBeVisibleAsync();
        var legend = page.GetByRole(AriaRole.List, new() { Name = "Query results series" });
        await Assertions.Expect(legend.GetByText(world.Data.Jobs[0])).ToBeVisibleAsync();
        Assert.Contains("/explore/metrics?", page.Url, StringComparison.Ordinal);

        // What metrics-service scrapes through the console's sidecar: Prometheus text, not the page.
        var scrape = await page.Context.APIRequest.GetAsync("/metrics");
        var (status, type, text) = (scrape.Status, scrape.Headers["content-type"], await scrape.TextAsync());
        await scrape.DisposeAsync();
        Assert.Equal(200, status);
        Assert.DoesNotContain("text/html", type, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in on the overview and follows the navigation to the explorer.</summary>
    private static async Task OpenExplorerAsync(IPage page)
    {
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Metrics", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Metrics", Level = 1 }).WaitForAsync();
    }

    private static async Task RunAsync(IPage page, string query)
    {
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Query A" });
        await editor.FillAsync(query);
        // Typing opens CodeMirror's completion list; a person runs the query with it closed (its list is driven from
        // the editor's keys, which axe cannot see, so an open one reads as an unfocusable scroll region).
        await editor.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run queries" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stats-A")).ToBeVisibleAsync();
    }

    /// <summary>Whether the chart's canvas holds any drawn pixel (uPlot drew the lines, not only an empty frame).</summary>
    private static Task<bool> CanvasHasInkAsync(ILocator chart) => chart.Locator("canvas").EvaluateAsync<bool>("""
        canvas => {
          const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
          return false;
        }
        """);

    private static string? Query(string url, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)[name];
}
