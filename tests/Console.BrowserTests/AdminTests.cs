using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>Admin › Users lists the accounts the console keeps in its state store, the seeded viewer among them.</summary>
public sealed class AdminTests(ConsoleWorld world)
{
    [Fact]
    public async Task The_users_screen_lists_the_accounts_with_their_roles()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync("admin", ConsoleWorld.AdminPassword, "/admin/users");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByText(world.Data.ViewerName).First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "users");
        await page.ScreenshotAsync("users");
        await page.Context.CloseAsync();
    }
}
