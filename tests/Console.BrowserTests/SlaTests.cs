using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>
/// SLA: metrics-service's report for each service over the window, every objective with its verdict, from the request
/// metrics metrics-service scraped from the apps themselves (a scrape-tick of the sidecars' clock per attempt).
/// </summary>
public sealed class SlaTests(ConsoleWorld world)
{
    [Fact]
    public async Task The_sla_screen_reports_each_objective_with_its_verdict()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/sla");
        await page.GetByRole(AriaRole.Heading, new() { Name = "SLA", Level = 1 }).WaitForAsync();
        var report = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^SLA over the last ") });
        var verdict = report.GetByText(new Regex("^(MET|BREACH)$"));

        // A rate needs two scrapes of each app: scrape-ticks (with the page's own requests between them) until one
        // objective has a verdict from real request counts.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await verdict.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no SLA verdict from the scraped request metrics within 90 s of scrape-ticks");
            await world.ScrapeTickAsync();
            await page.ReloadAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Assertions.Expect(report.GetByRole(AriaRole.Rowheader, new() { Name = "console", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "sla");
        await page.ScreenshotAsync("sla");
        await page.Context.CloseAsync();
    }
}
