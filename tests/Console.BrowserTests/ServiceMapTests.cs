using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.TestSupport;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>
/// The service map over <see cref="MapSeed"/>'s traces: the last hour's graph drawn with its database and queue, the
/// hour before compared (payments' risen error rate marked worse, fraud new, inventory vanished), a node's RED charts
/// from span metrics, and an incident's root-cause service's traces.
/// </summary>
public sealed class ServiceMapTests(ConsoleWorld world)
{
    private const string Map = "/service-map?from=now-1h&to=now";

    [Fact]
    public async Task The_map_compared_with_the_previous_hour_marks_the_changed_new_and_vanished_edges()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, Map);
        await Assertions.Expect(Node(page, "payments")).ToBeVisibleAsync();
        await Assertions.Expect(Edge(page, MapSeed.RisingEdgeFrom, MapSeed.RisingEdgeTo)).ToHaveAttributeAsync("data-tone", "none");
        // The database and the queue are uninstrumented peers: trace-service names them after its 30 s wait for a server span.
        await RefreshUntilVisibleAsync(page, Node(page, "postgresql/orders"));
        await RefreshUntilVisibleAsync(page, Node(page, "kafka/payments"));
        await Assertions.Expect(Edge(page, "checkout", "postgresql/orders")).ToHaveAttributeAsync("aria-label", new Regex(@"/s · \d+% err · p95 "));
        await Axe.AssertAccessibleAsync(page, "service map");
        await page.ScreenshotAsync("service-map");

        await page.GetByLabel("Compare with").SelectOptionAsync("previous");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]compare=previous"));
        var rising = Edge(page, MapSeed.RisingEdgeFrom, MapSeed.RisingEdgeTo);
        await Assertions.Expect(rising).ToHaveAttributeAsync("data-tone", "worse");
        await Assertions.Expect(rising).ToHaveAttributeAsync("aria-label", new Regex(@"worse than before \(.*error rate \+\d"));
        await Assertions.Expect(Edge(page, "checkout", MapSeed.NewEdgeTo)).ToHaveAttributeAsync("data-tone", "new");
        await Assertions.Expect(Edge(page, "checkout", MapSeed.VanishedEdgeTo)).ToHaveAttributeAsync("data-tone", "vanished");
        await Assertions.Expect(Node(page, MapSeed.VanishedEdgeTo)).ToHaveAttributeAsync("data-tone", "vanished");
        await Assertions.Expect(Node(page, MapSeed.NewEdgeTo)).ToHaveAttributeAsync("data-tone", "new");
        var legend = page.GetByRole(AriaRole.Group, new() { Name = "Comparison legend" });
        // The other screens' seeds add traces to the current window only: their edges count as new too.
        await Assertions.Expect(legend).ToContainTextAsync(new Regex(@"New: [1-9]\d* edges"));
        await Assertions.Expect(legend).ToContainTextAsync("Vanished: 1 edges");
        await Axe.AssertAccessibleAsync(page, "service map (compare)");
        await page.ScreenshotAsync("service-map-compare");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Clicking_a_node_shows_its_red_charts_from_span_metrics_and_links_to_its_traces()
    {
        // Span metrics are cumulative counters written every 15 s: traffic arriving now makes their rates move.
        world.RequireBrowser();
        await MapSeed.WriteLiveTrafficAsync(world.Console.BaseUrl, ConsoleWorld.AdminPassword);
        await SpanMetricsArriveAsync();
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, Map + "&compare=previous");
        await Node(page, MapSeed.RootCause).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]node=payments"));

        var detail = page.GetByRole(AriaRole.Complementary, new() { Name = "Details of payments" });
        await Assertions.Expect(detail.GetByRole(AriaRole.Table, new() { Name = "Measures" })).ToContainTextAsync("Error rate");
        foreach (var chart in new[] { "Rate", "Errors", "Duration" })
        {
            var figure = detail.GetByRole(AriaRole.Figure, new() { Name = $"{chart} (received by payments)" });
            await Assertions.Expect(figure.Locator("canvas")).ToBeVisibleAsync();
        }

        // The chart refreshes every 30 s; two span-metric writes after the live traffic give a rate.
        var rate = detail.GetByRole(AriaRole.Figure, new() { Name = "Rate (received by payments)" });
        await Assertions.Expect(rate.GetByText("No data in this range")).ToHaveCountAsync(0, new() { Timeout = 75_000 });
        await Assertions.Expect(rate.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^calls\/s") })).ToBeVisibleAsync();

        var traces = detail.GetByRole(AriaRole.Link, new() { Name = "Search traces of payments" });
        await Assertions.Expect(traces).ToHaveAttributeAsync("href", new Regex(@"^/traces\?service=payments&start=\d+&end=\d+$"));
        await Axe.AssertAccessibleAsync(page, "service map (node detail)");
        await page.ScreenshotAsync("service-map-node");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task From_an_incident_to_the_root_cause_services_traces_at_its_time()
    {
        world.RequireBrowser();
        var incident = await RootCauseIncidentAsync();
        var triggered = DateTimeOffset.Parse(incident.GetProperty("triggeredAt").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/alerts/incidents/" + Uri.EscapeDataString(incident.GetProperty("id").GetString()!));
        await page.GetByRole(AriaRole.Link, new() { Name = $"Traces of {MapSeed.RootCause}", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/traces\?service=payments&start=\d+&end=\d+$"));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        var start = long.Parse(query["start"]!, CultureInfo.InvariantCulture);
        var end = long.Parse(query["end"]!, CultureInfo.InvariantCulture);
        Assert.InRange(triggered, start, end);
        await page.Context.CloseAsync();
    }

    /// <summary>The incident correlation opened for the seeded critical alerts, once it names payments as its root cause.</summary>
    private async Task<JsonElement> RootCauseIncidentAsync()
    {
        using var admin = new ConsoleClient(world.Console.BaseUrl);
        Assert.True((await admin.LoginAsync("admin", ConsoleWorld.AdminPassword)).IsSuccessStatusCode);
        JsonElement? found = null;
        await Eventually.TrueAsync(() =>
        {
            using var response = admin.GetAsync("/api/alerts/api/v1/incidents").GetAwaiter().GetResult();
            var list = ConsoleClient.JsonAsync(response).GetAwaiter().GetResult();
            found = list.EnumerateArray().Where(i => i.GetProperty("rootCause").GetString()?.StartsWith(MapSeed.RootCause + ":", StringComparison.Ordinal) == true)
                .Select(i => (JsonElement?)i.Clone()).FirstOrDefault();
            return found is not null;
        }, TimeSpan.FromSeconds(90), step: TimeSpan.FromSeconds(2), what: "an incident whose root cause is payments");
        return found!.Value;
    }

    /// <summary>Waits until metrics-service answers a rate for payments' span metrics (what the charts draw), naming what it holds if not.</summary>
    private async Task SpanMetricsArriveAsync()
    {
        using var admin = new ConsoleClient(world.Console.BaseUrl);
        Assert.True((await admin.LoginAsync("admin", ConsoleWorld.AdminPassword)).IsSuccessStatusCode);
        string Answer(string path)
        {
            using var response = admin.GetAsync(path).GetAwaiter().GetResult();
            return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }

        // The chart's own query (RedQueries: rate of what payments received) over the last hour.
        var expr = "sum(rate(traces_span_metrics_calls_total{service_name=\"payments\",span_kind=~\"SPAN_KIND_SERVER|SPAN_KIND_CONSUMER\"}[60s]))";
        var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 120;
        var rate = $"/api/metrics/api/v1/query_range?query={Uri.EscapeDataString(expr)}&start={end - 3720}&end={end}&step=30";
        try
        {
            await Eventually.TrueAsync(() => Answer(rate).Contains("\"values\":[[", StringComparison.Ordinal), TimeSpan.FromSeconds(60), step: TimeSpan.FromSeconds(3),
                what: "a rate of payments' span metrics in metrics-service");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var series = Answer("/api/metrics/api/v1/series?match[]=" + Uri.EscapeDataString("{__name__=~\"traces_span.*\"}"));
            throw new InvalidOperationException($"{e.Message}; rate answered {Answer(rate)}; span-metric series: {series[..Math.Min(series.Length, 600)]}", e);
        }
    }

    // Playwright writes a name regex as /source/: a slash in a node's name ("postgresql/orders") is escaped for it.
    private static string Pattern(string text) => Regex.Escape(text).Replace("/", "\\/", StringComparison.Ordinal);

    private static ILocator Node(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Pattern(name) + @" \(") });

    private static ILocator Edge(IPage page, string from, string to) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Pattern(from) + " calls " + Pattern(to) + ":") });

    private static async Task RefreshUntilVisibleAsync(IPage page, ILocator target)
    {
        var until = DateTime.UtcNow.AddSeconds(75);
        while (await target.CountAsync() == 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"not on the map after 75 s: {target}");
            await Task.Delay(3_000);
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh", Exact = true }).ClickAsync();
        }

        await Assertions.Expect(target).ToBeVisibleAsync();
    }
}
