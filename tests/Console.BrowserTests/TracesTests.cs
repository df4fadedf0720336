using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>
/// Issue 15's trace screens over <see cref="TraceSeed"/>'s traces: find the slow checkout by clicking its point on the
/// scatter, see its critical path marked, collapse a subtree, open the flame graph, read the trace's logs; the
/// bottlenecks of the window. The 10,000-span timing is <see cref="TraceOpenTimingTests"/>.
/// </summary>
public sealed class TracesTests(ConsoleWorld world)
{
    [Fact]
    public async Task The_slow_trace_is_found_from_the_scatter_and_its_critical_path_is_marked()
    {
        var page = await world.NewPageAsync();
        var traces = world.Traces;
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/traces?service=storefront");
        var scatter = page.GetByRole(AriaRole.Figure, new() { Name = "Trace durations over time" });
        await Assertions.Expect(scatter.Locator("canvas")).ToBeVisibleAsync();
        await Assertions.Expect(scatter).ToContainTextAsync($"{traces.Shop.Count} traces, 1 with errors");
        await Axe.AssertAccessibleAsync(page, "trace search");
        await page.ScreenshotAsync("traces-search");

        await ClickHighestPointAsync(page, scatter, traces.Slow, traces.Shop);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/traces/{traces.Slow.TraceId}"));

        var waterfall = page.GetByRole(AriaRole.Region, new() { Name = "Waterfall" });
        var gateway = waterfall.Locator($"[data-span-id='{traces.Slow.SpanIds["POST acme-pay /v1/charges"]}']");
        await Assertions.Expect(gateway.GetByTestId("critical-segment")).ToHaveCountAsync(1);
        await Assertions.Expect(gateway).ToContainTextAsync("on the critical path");
        // The inventory branch ran beside the payment and ended long before it: no part of it held the trace up.
        var inventory = waterfall.Locator($"[data-span-id='{traces.Slow.SpanIds["reserve items"]}']");
        await Assertions.Expect(inventory.GetByTestId("critical-segment")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText(new Regex(@"critical path 2\.\d+s over \d+ spans"))).ToBeVisibleAsync();

        await gateway.GetByRole(AriaRole.Button, new() { Name = "POST acme-pay /v1/charges" }).ClickAsync();
        var detail = page.GetByRole(AriaRole.Region, new() { Name = "Span detail" });
        await Assertions.Expect(detail).ToContainTextAsync("peer.service");
        await Assertions.Expect(detail).ToContainTextAsync("acme-pay");
        await Axe.AssertAccessibleAsync(page, "trace view");
        await page.ScreenshotAsync("traces-critical-path");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_subtree_collapses_the_flame_graph_opens_and_the_trace_logs_are_beside_it()
    {
        var page = await world.NewPageAsync();
        var slow = world.Traces.Slow;
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, $"/traces/{slow.TraceId}");
        var waterfall = page.GetByRole(AriaRole.Region, new() { Name = "Waterfall" });
        await Assertions.Expect(waterfall.GetByText("UPDATE stock")).ToBeVisibleAsync();

        await waterfall.GetByRole(AriaRole.Button, new() { Name = "Collapse reserve items (1 spans below)" }).ClickAsync();
        await Assertions.Expect(waterfall.GetByText("UPDATE stock")).ToHaveCountAsync(0);
        await Assertions.Expect(waterfall.GetByRole(AriaRole.Button, new() { Name = "Expand reserve items (1 spans below)" })).ToBeVisibleAsync();
        Assert.Contains($"collapsed={slow.SpanIds["reserve items"]}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(waterfall.GetByText("charge card")).ToBeVisibleAsync();

        var logs = page.GetByRole(AriaRole.Region, new() { Name = "Trace logs" });
        foreach (var message in world.Traces.SlowTraceLogs)
        {
            await Assertions.Expect(logs.GetByText(message)).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Flame graph" }).ClickAsync();
        var flame = page.GetByRole(AriaRole.Figure, new() { Name = "Flame graph" });
        await Assertions.Expect(flame.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^billing: charge card 2\.4\d*s$") })).ToBeVisibleAsync();
        await Assertions.Expect(flame.Locator(".flame-box.critical")).Not.ToHaveCountAsync(0);
        Assert.Contains("view=flame", page.Url, StringComparison.Ordinal);
        await flame.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^stock: reserve items") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Span detail" })).ToContainTextAsync("items");
        await Axe.AssertAccessibleAsync(page, "flame graph");
        await page.ScreenshotAsync("traces-flame-graph");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Bottlenecks_rank_the_operations_by_critical_path_share_against_the_previous_window()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/traces/bottlenecks?service=billing&range=1h");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Bottlenecks over the last 1h" });
        // The gateway call holds up every checkout; its share leads, and the previous hour had no traces, so it is new.
        var first = table.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(first).ToContainTextAsync("billing: POST acme-pay /v1/charges");
        await Assertions.Expect(first).ToContainTextAsync("new");
        await Assertions.Expect(page.GetByText(new Regex(@"^\d+ of \d+ traces from"))).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "bottlenecks");
        await page.ScreenshotAsync("traces-bottlenecks");

        await page.GetByRole(AriaRole.Button, new() { Name = "Last 15m" }).ClickAsync();
        Assert.Contains("range=15m", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Bottlenecks over the last 15m" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_scatter_opens_the_slow_trace_by_keyboard_and_the_search_form_follows_Back()
    {
        var page = await world.NewPageAsync();
        var traces = world.Traces;
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/traces?service=storefront&minDuration=1ms");
        var tags = page.GetByLabel("Tags");
        await page.GetByLabel("Min duration").FillAsync("");
        await tags.FillAsync("http.request.method=POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find traces" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]tags=http.request.method%3DPOST"));
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]minDuration=1ms"));
        await Assertions.Expect(tags).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel("Min duration")).ToHaveValueAsync("1ms");
        await Assertions.Expect(page.GetByLabel("Service")).ToHaveValueAsync("storefront");

        var scatter = page.GetByRole(AriaRole.Figure, new() { Name = "Trace durations over time" });
        await Assertions.Expect(scatter).ToContainTextAsync($"{traces.Shop.Count} traces");
        var chart = scatter.GetByRole(AriaRole.Application);
        await chart.FocusAsync();
        // From the first trace, ↑ walks to ever longer ones and stops at the longest: the slow checkout.
        for (var i = 0; i < traces.Shop.Count; i++) await page.Keyboard.PressAsync("ArrowUp");
        var announced = page.Locator("#trace-scatter-point");
        await Assertions.Expect(announced).ToHaveTextAsync(new Regex($"^Trace \\d+ of {traces.Shop.Count}: {Regex.Escape(traces.Slow.RootService)} {Regex.Escape(traces.Slow.RootOperation)}, "));
        await Assertions.Expect(chart.Locator(".trace-scatter-focus")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "trace search, keyboard point");
        await page.ScreenshotAsync("traces-scatter-keyboard");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/traces/{traces.Slow.TraceId}"));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// uPlot spans its time axis from the first trace's start to the last one's, so the slow trace's x is known; walk down
    /// from the plot's top at that x: the first click that lands within a point's radius hits the highest point there.
    /// </summary>
    private static async Task ClickHighestPointAsync(IPage page, ILocator scatter, SeededTrace slow, IReadOnlyList<SeededTrace> all)
    {
        var box = await scatter.Locator(".u-over").BoundingBoxAsync() ?? throw new InvalidOperationException("no scatter overlay");
        var (min, max) = (all.Min(t => t.StartUs), all.Max(t => t.StartUs));
        var x = box.X + (float)((slow.StartUs - min) / (double)(max - min) * box.Width);
        for (var y = box.Y + 2; y < box.Y + box.Height; y += 8)
        {
            await page.Mouse.ClickAsync(x, y);
            if (page.Url.Contains("/traces/", StringComparison.Ordinal)) return;
        }

        throw new InvalidOperationException("no point of the scatter answered a click at the slow trace's time");
    }
}
