using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>What a person does on any screen: sign in through the form, and the screenshots the README shows.</summary>
public static class ConsolePageExtensions
{
    public static readonly string ScreenshotFolder = Path.Combine(RepositoryPaths.Root, "docs", "screenshots");

    /// <summary>Opens <paramref name="path"/>; the session gate sends the page to the sign-in form, which returns to it.</summary>
    public static async Task SignInAsync(this IPage page, string username, string password, string path = "/")
    {
        await page.GotoAsync(path);
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Sign in" });
        await form.GetByLabel("Username").FillAsync(username);
        await form.GetByLabel("Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    /// <summary>A screenshot of the viewport into docs/screenshots/<paramref name="name"/>.png (committed, shown in the README).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Let uPlot and the lazy chunks settle: no request in flight, then one frame.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => r(null)))");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }
}
