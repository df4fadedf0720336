using System.Text.Json;
using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>Dapr: every app of the world listed from its sidecar's metadata, and each app's components shown when it is opened.</summary>
public sealed class DaprTests(ConsoleWorld world)
{
    [Fact]
    public async Task The_dapr_screen_lists_each_apps_components_from_its_sidecar()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/dapr");
        var apps = page.GetByRole(AriaRole.Table, new() { Name = "Apps" });
        await Assertions.Expect(apps).ToBeVisibleAsync();

        // What the sidecars report, read through the same API the page uses.
        var response = await page.Context.APIRequest.GetAsync("/api/dapr");
        using var entries = JsonDocument.Parse(await response.TextAsync());
        await response.DisposeAsync(); // before the context closes, or disposing it throws
        var expected = entries.RootElement.EnumerateArray()
            .Select(e => (App: e.GetProperty("appId").GetString()!, Components: e.GetProperty("metadata").GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList()))
            .ToList();
        Assert.Equal(5, expected.Count);

        foreach (var (app, components) in expected)
        {
            Assert.NotEmpty(components);
            await apps.GetByRole(AriaRole.Link, new() { Name = app, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = app, Level = 2, Exact = true }).WaitForAsync();
            var table = page.GetByRole(AriaRole.Table, new() { Name = "Components" });
            foreach (var component in components)
            {
                await Assertions.Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = component, Exact = true })).ToBeVisibleAsync();
            }
        }

        await apps.GetByRole(AriaRole.Link, new() { Name = "alert-service", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "alert-service", Level = 2, Exact = true }).WaitForAsync();
        await Axe.AssertAccessibleAsync(page, "dapr");
        await page.ScreenshotAsync("dapr");
        await page.Context.CloseAsync();
    }
}
