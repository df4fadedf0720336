using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Session;

/// <summary>
/// Every route the console maps (in Production, as it runs), with every method, answers 401 without a session, but the
/// sign-in routes and the platform's anonymous ones (<see cref="EndpointSweep.Anonymous"/>).
/// </summary>
public sealed class EndpointGuardTests(ProductionWorld world) : IClassFixture<ProductionWorld>
{
    /// <summary>Signing in and out, and starting an OIDC sign-in, are for people without a session.</summary>
    private static readonly IReadOnlySet<string> SignIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "/api/session/login",
        "/api/session/logout",
        "/api/session/oidc",
        // The page's SPA fallback (index.html, which shows the sign-in screen): no data, every call it makes goes to /api.
        "/{*path:nonfile}",
    };

    [Fact]
    public async Task Nothing_else_is_open()
    {
        using var client = new HttpClient { BaseAddress = world.Console.BaseUrl };
        var open = await EndpointSweep.FindUnguardedAsync(world.Console.Services, client, ConsoleClient.Ct, SignIn);
        Assert.True(open.Count == 0, "open to anyone:\n" + string.Join("\n", open));
    }
}
