using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using AirisEpm.TestSupport;
using AirisEpm.TestSupport.LogHub;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>The logs explorer over real LogHub lines in log-service: search and facets, a record's fields and trace link, patterns, live tail.</summary>
public sealed class LogsExplorerTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_search_lists_matching_records_and_a_facet_value_filters_them()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/logs");
        var total = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "matching records" });
        // Every seeded record, and any the live-tail test posted if it ran first.
        await Assertions.Expect(total).ToHaveTextAsync(new Regex(@"^\d+ matching records$"));
        Assert.True(int.Parse((await total.InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture) >= world.Logs.Sshd + world.Logs.Apache, await total.InnerTextAsync());

        var clock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Log query" }).FillAsync("\"Failed password\" OR error");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var service = page.GetByRole(AriaRole.Region, new() { Name = "Facet service" });
        await Assertions.Expect(service.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^sshd") })).ToBeVisibleAsync();
        await Assertions.Expect(service.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^apache") })).ToBeVisibleAsync();
        TestContext.Current.SendDiagnosticMessage($"search to facets shown: {clock.ElapsedMilliseconds} ms");
        var histogram = page.GetByRole(AriaRole.Figure, new() { Name = "Matching records over time by level" });
        await Assertions.Expect(histogram.Locator("canvas")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "logs explorer");
        await page.ScreenshotAsync("logs-explorer");

        await service.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^apache") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]f=service%3Aapache"));
        var list = page.GetByRole(AriaRole.List, new() { Name = "Log records, newest first" });
        await Assertions.Expect(service.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^sshd") })).ToHaveCountAsync(0);
        // The previous page stays drawn until the filtered one arrives.
        await Assertions.Expect(list.Locator(".log-service", new() { HasText = "sshd" })).ToHaveCountAsync(0);
        var services = await list.Locator(".log-service").AllInnerTextsAsync();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Equal("apache", s));

        await list.GetByRole(AriaRole.Button).First.ClickAsync();
        var fields = page.GetByRole(AriaRole.Table, new() { Name = "Fields of the record" });
        await Assertions.Expect(fields.GetByRole(AriaRole.Rowheader, new() { Name = "labels.host" })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]open="));
        await Axe.AssertAccessibleAsync(page, "logs explorer, expanded record");
        await page.ScreenshotAsync("logs-record");

        // Excluding a level drops it from the records and from the level facet.
        var level = page.GetByRole(AriaRole.Region, new() { Name = "Facet level" });
        await level.GetByRole(AriaRole.Button, new() { Name = "Exclude level error" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Filters" })).ToContainTextAsync("not level: error");
        await Assertions.Expect(level.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^error") })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_records_trace_link_opens_its_trace()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, $"/logs?f=trace_id:{world.Logs.TraceId}");
        var list = page.GetByRole(AriaRole.List, new() { Name = "Log records, newest first" });
        await list.GetByRole(AriaRole.Button).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Open trace") }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/traces/{world.Logs.TraceId}$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_patterns_view_lists_the_mined_templates_and_one_filters_the_records()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/logs?view=patterns");
        var table = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex(@"^\d+ patterns over \d+ records$") });
        var template = table.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Invalid user <\*> from <\*>") });
        await Assertions.Expect(template.First).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator(".sparkline canvas").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "logs patterns");
        await page.ScreenshotAsync("logs-patterns");

        await template.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]f=pattern_id%3A"));
        var messages = page.GetByRole(AriaRole.List, new() { Name = "Log records, newest first" }).Locator(".log-message");
        await Assertions.Expect(messages.First).ToContainTextAsync("Invalid user");
        Assert.All(await messages.AllInnerTextsAsync(), m => Assert.StartsWith("Invalid user", m, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Live_tail_shows_a_newly_posted_record_on_top()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/logs?f=service:sshd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Live tail" }).ClickAsync();
        var tail = page.GetByRole(AriaRole.Region, new() { Name = "Live tail" });
        await Assertions.Expect(tail.GetByRole(AriaRole.Status)).ToHaveTextAsync("Live");

        using var writer = new ConsoleClient(world.Console.BaseUrl);
        (await writer.LoginAsync("admin", ConsoleWorld.AdminPassword)).Dispose();
        var message = $"Accepted publickey for tailer-{Guid.NewGuid():N} from 10.1.2.3 port 52011 ssh2";
        var clock = Stopwatch.StartNew();
        // A few more real sshd lines first, then the one to look for: it is the newest, so it must be on top.
        var now = DateTimeOffset.UtcNow;
        var lines = LogHubSamples.Load("OpenSSH").Skip(1000).Take(8).Select(l => l.Content).Append(message).ToList();
        (await writer.PostJsonAsync("/api/logs/api/v1/logs", lines.Select((line, i) => new
        {
            timestamp = now.AddMilliseconds(i - lines.Count),
            level = "info",
            message = line,
            service = "sshd",
            labels = new Dictionary<string, string> { ["host"] = "LabSZ" },
        }))).EnsureSuccessStatusCode();

        var first = tail.GetByRole(AriaRole.List, new() { Name = "Tailed records, newest first" }).GetByRole(AriaRole.Listitem).First;
        await Assertions.Expect(first).ToContainTextAsync(message, new() { Timeout = 15_000 });
        TestContext.Current.SendDiagnosticMessage($"posted to shown in the tail: {clock.ElapsedMilliseconds} ms");

        await tail.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(tail.GetByRole(AriaRole.Status)).ToHaveTextAsync("Paused");
        // The tail's stream never goes idle, so the shared screenshot helper (which waits for network idle) does not fit.
        await page.WaitForTimeoutAsync(300);
        Directory.CreateDirectory(ConsolePageExtensions.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsolePageExtensions.ScreenshotFolder, "logs-live-tail.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_LogQL_facets_count_every_match_patterns_filter_by_stage_and_the_tail_follows_the_query()
    {
        var page = await world.NewPageAsync();
        var query = "{service_name=~\"sshd|apache\"}";
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, $"/logs?lang=logql&q={Uri.EscapeDataString(query)}");
        var service = page.GetByRole(AriaRole.Region, new() { Name = "Facet service_name" });
        // More sshd records match than the explorer loads (a page of 100 lines): the count is log-service's, over all of them.
        var sshd = service.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^sshd") });
        await Assertions.Expect(sshd.Locator(".facet-count")).ToHaveTextAsync(new Regex(@"^\d{3,}$"));
        Assert.True(int.Parse(await sshd.Locator(".facet-count").InnerTextAsync(), CultureInfo.InvariantCulture) >= world.Logs.Sshd);
        await Assertions.Expect(page.GetByText("Counted over the lines shown.")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page, "logs explorer, LogQL");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Patterns" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex(@"^\d+ patterns over \d+ records$") });
        var template = table.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Invalid user <\*> from <\*>") });
        await Assertions.Expect(template.First).ToBeVisibleAsync();
        await template.First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Log query" })).ToHaveValueAsync(new Regex(@"\|> ""Invalid user <_> from <_>"));
        var messages = page.GetByRole(AriaRole.List, new() { Name = "Log records, newest first" }).Locator(".log-message");
        await Assertions.Expect(messages.First).ToContainTextAsync("Invalid user");
        Assert.All(await messages.AllInnerTextsAsync(), m => Assert.StartsWith("Invalid user", m, StringComparison.Ordinal));

        await page.GotoAsync($"/logs?lang=logql&q={Uri.EscapeDataString("{service_name=\"sshd\"} |= \"logql-tailer\"")}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Live tail" }).ClickAsync();
        var tail = page.GetByRole(AriaRole.Region, new() { Name = "Live tail" });
        await Assertions.Expect(tail.GetByRole(AriaRole.Status)).ToHaveTextAsync("Live");
        using var writer = new ConsoleClient(world.Console.BaseUrl);
        (await writer.LoginAsync("admin", ConsoleWorld.AdminPassword)).Dispose();
        var message = $"Accepted publickey for logql-tailer-{Guid.NewGuid():N} from 10.1.2.4 port 52012 ssh2";
        var now = DateTimeOffset.UtcNow;
        (await writer.PostJsonAsync("/api/logs/api/v1/logs", new[]
        {
            new { timestamp = now.AddMilliseconds(-2), level = "info", message = "Accepted publickey for someone-else from 10.1.2.5 port 1 ssh2", service = "sshd" },
            new { timestamp = now.AddMilliseconds(-1), level = "info", message, service = "sshd" },
        })).EnsureSuccessStatusCode();
        var rows = tail.GetByRole(AriaRole.List, new() { Name = "Tailed records, newest first" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(rows.First).ToContainTextAsync(message, new() { Timeout = 15_000 });
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
