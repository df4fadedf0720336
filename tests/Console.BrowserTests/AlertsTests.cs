using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>
/// Alerts over the seeded alerts in alert-service (through the console's proxy): a group opened by its label, a silence
/// made from an alert until the alert shows suppressed, a PromQL rule checked by metrics-service before it is created,
/// and the incident the critical alert opened, acknowledged. Each test uses its own alert so they can run in any order.
/// </summary>
public sealed class AlertsTests(ConsoleWorld world)
{
    [Fact]
    public async Task An_alert_group_opens_by_its_label_with_its_alert_and_annotations()
    {
        var page = await world.NewPageAsync();
        var (alert, service) = (world.Data.AlertNames[2], world.Data.Jobs[2]);
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/alerts");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Alert groups", Level = 1 }).WaitForAsync();
        var group = page.GetByRole(AriaRole.Region, new() { Name = $"Group alertname=\"{alert}\", service=\"{service}\"" });
        await Assertions.Expect(group).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "alert groups");
        await page.ScreenshotAsync("alert-groups");

        // A label chip adds itself to the matcher filter: the page asks alert-service for that group only.
        await group.GetByRole(AriaRole.Button, new() { Name = $"service=\"{service}\"" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("filter=.*service"));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Group ") })).ToHaveCountAsync(1);
        var item = group.GetByRole(AriaRole.Listitem, new() { Name = $"Alert {alert}" });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(item.GetByText($"{alert} on {service}")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_silence_made_from_an_alert_shows_the_alert_suppressed()
    {
        var page = await world.NewPageAsync();
        var alert = world.Data.AlertNames[1];
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/alerts");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Silence {alert}" }).ClickAsync();

        // The editor is prefilled with the alert's labels; its live preview lists the alert it would silence.
        await page.GetByRole(AriaRole.Heading, new() { Name = "New silence", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Value of matcher 1")).ToHaveValueAsync(alert);
        var preview = page.GetByRole(AriaRole.List, new() { Name = "Alerts this silence would silence" });
        await Assertions.Expect(preview.GetByText(alert).First).ToBeVisibleAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Silence" });
        await form.GetByLabel("Comment").FillAsync("Cart errors are a known deploy issue");
        await Axe.AssertAccessibleAsync(page, "silence editor");
        await page.ScreenshotAsync("silence-editor");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create silence" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts/silences$"));
        await Axe.AssertAccessibleAsync(page, "silences");
        await page.ScreenshotAsync("silences");

        // Hidden from the default view, shown suppressed (with its silence) among the silenced ones.
        await page.GotoAsync("/alerts?silenced=1");
        var item = page.GetByRole(AriaRole.Listitem, new() { Name = $"Alert {alert}" });
        await Assertions.Expect(item.GetByText("suppressed", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^silenced by ") })).ToBeVisibleAsync();
        await page.GotoAsync("/alerts");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Alert groups", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem, new() { Name = $"Alert {alert}" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rule_is_checked_by_metrics_service_before_it_is_created()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/alerts/rules/new");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Rule" });
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("ShopTrafficLow");
        var expression = form.GetByRole(AriaRole.Textbox, new() { Name = "PromQL expression" });

        await expression.FillAsync($"sum({world.Data.Metric}) <");
        await form.GetByRole(AriaRole.Button, new() { Name = "Check expression" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex(@"Line 1, column \d+"));

        await expression.FillAsync($"sum({world.Data.Metric}) < 10");
        await form.GetByRole(AriaRole.Button, new() { Name = "Check expression" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("valid:");
        await Axe.AssertAccessibleAsync(page, "rule editor");
        await page.ScreenshotAsync("rule-editor");

        await form.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts/rules$"));
        var rules = page.GetByRole(AriaRole.Table, new() { Name = "Alerting rules" });
        await Assertions.Expect(rules.GetByRole(AriaRole.Link, new() { Name = "ShopTrafficLow" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "rules");
        await page.ScreenshotAsync("rules");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_critical_alerts_incident_is_acknowledged_from_its_page()
    {
        var page = await world.NewPageAsync();
        var alert = world.Data.AlertNames[0];
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/alerts/incidents");
        var open = page.GetByRole(AriaRole.Table, new() { Name = "Open incidents" });
        var link = open.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(alert) });

        // The escalation policy opens it once the group's 1 s group_wait has passed: reload until it is listed.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await link.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no open incident for " + alert + " within 60 s");
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            await page.ReloadAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Axe.AssertAccessibleAsync(page, "incidents");
        await page.ScreenshotAsync("incidents");

        await link.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alerts/incidents/[^/?]+$"));
        var acknowledge = page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true });
        await acknowledge.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByText("acknowledged", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(acknowledge).ToHaveCountAsync(0);
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline" });
        await Assertions.Expect(timeline.GetByText("acknowledged").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "incident");
        await page.ScreenshotAsync("incident");
        await page.Context.CloseAsync();
    }
}
