using System.Net;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Session;

/// <summary>Outside Development the session cookie and the readable antiforgery cookie are Secure (the console runs behind TLS).</summary>
public sealed class ProductionCookieTests(ProductionWorld world) : IClassFixture<ProductionWorld>
{
    [Fact]
    public async Task Cookies_are_secure()
    {
        using var client = world.Client();
        using var session = await client.GetAsync("/api/session");
        var antiforgery = session.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains("; secure", antiforgery.Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        // The cookie jar keeps Secure cookies from plain HTTP, so the tokens are sent by hand here.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { username = ConsoleWorld.AdminName, password = ConsoleWorld.AdminPassword }),
        };
        request.Headers.Add("Cookie", string.Join("; ", antiforgery.Select(c => c.Split(';')[0])));
        request.Headers.Add("X-XSRF-TOKEN", antiforgery.Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)).Split(';')[0]["XSRF-TOKEN=".Length..]);
        client.SendsAntiforgery = false;
        using var login = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("airis-session=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AirisEpm.WebConsole.Auth.ConsoleRoles.Admin, (await ConsoleClient.JsonAsync(login)).GetProperty("role").GetString());
    }
}
