using System.Text.RegularExpressions;
using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>Signing in through the form lands on the overview; signing out ends the session in the browser and the API.</summary>
public sealed class SessionTests(ConsoleWorld world)
{
    [Fact]
    public async Task Signing_in_shows_the_overview_of_the_running_apps()
    {
        var page = await world.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to AIRIS EPM" }).WaitForAsync();
        await Axe.AssertAccessibleAsync(page, "sign-in");
        await page.ScreenshotAsync("sign-in");

        await page.SignInAsync("admin", ConsoleWorld.AdminPassword);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 }).WaitForAsync();
        // The apps the world runs report in: metrics-service and alert-service healthy beside their sidecars.
        await Assertions.Expect(page.GetByText("metrics-service").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("alert-service").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "overview");
        await page.ScreenshotAsync("overview");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_form_and_the_session_is_gone()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword);
        Assert.Equal(200, await SessionStatusAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.GetByRole(AriaRole.Form, new() { Name = "Sign in" }).WaitForAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin"));
        Assert.Equal(401, await SessionStatusAsync(page));
        await page.Context.CloseAsync();
    }

    private static async Task<int> SessionStatusAsync(IPage page)
    {
        await using var response = await page.Context.APIRequest.GetAsync("/api/session");
        return response.Status;
    }
}
