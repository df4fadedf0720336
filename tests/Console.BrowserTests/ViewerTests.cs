using AirisEpm.Console.BrowserTests.Support;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests;

/// <summary>
/// A viewer reads everything and changes nothing: the page offers no silence, and alert-service itself refuses the
/// console's token for one.
/// </summary>
public sealed class ViewerTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_viewer_sees_no_silence_button_and_is_refused_a_silence_by_the_api()
    {
        var page = await world.NewPageAsync();
        await page.SignInAsync(world.Data.ViewerName, world.Data.ViewerPassword, "/alerts");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dapr" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        // The alerts are there to read; no Silence per alert, no New silence.
        var alert = world.Data.AlertNames[2];
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem, new() { Name = $"Alert {alert}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Silence {alert}" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New silence" })).ToHaveCountAsync(0);
        await page.GotoAsync("/alerts/silences");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Silences", Level = 1 }).WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "New silence" })).ToHaveCountAsync(0);

        var refused = await PostAsync(page, "/api/alerts/api/v2/silences", new
        {
            matchers = new[] { new { name = "alertname", value = world.Data.AlertNames[0], isRegex = false, isEqual = true } },
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            createdBy = world.Data.ViewerName,
            comment = "a viewer tries",
        });
        Assert.Equal(403, refused.Status);
        Assert.StartsWith("application/problem+json", refused.Headers["content-type"], StringComparison.Ordinal);
        await refused.DisposeAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>A change as the page sends it: the session cookie and the antiforgery token echoed from its cookie.</summary>
    internal static async Task<IAPIResponse> PostAsync(IPage page, string path, object body)
    {
        var cookies = await page.Context.CookiesAsync();
        var token = cookies.Single(c => c.Name == "XSRF-TOKEN").Value;
        return await page.Context.APIRequest.PostAsync(path, new APIRequestContextOptions
        {
            DataObject = body,
            Headers = new Dictionary<string, string> { ["X-XSRF-TOKEN"] = token },
        });
    }
}
