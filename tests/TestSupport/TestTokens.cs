using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.TestSupport;

/// <summary>Tokens signed with the development key pair the test hosts run with, for every service's audience and the console's.</summary>
public static class TestTokens
{
    public const string Issuer = "airis-epm";

    /// <summary>The same APP_API_TOKEN every <see cref="ServiceFactory{TEntryPoint}"/> host is given.</summary>
    public const string AppApiToken = "app-api-token-for-tests";

    public static readonly JsonWebKey DevelopmentKey = SigningKeys.ParsePrivateKey(DevelopmentKeys.PrivateJwk);

    /// <summary>A key pair of "production": not the development one, made fresh for this test run.</summary>
    public static readonly SigningKeyPair Production = SigningKeyPair.Generate("production-test-key");

    public static string With(params string[] permissions) => With(TimeSpan.FromMinutes(10), permissions);

    public static string With(TimeSpan lifetime, params string[] permissions) =>
        TokenIssuer.Mint(DevelopmentKey, Issuer, [.. AppIds.All, AppIds.Console], "test-user", permissions, lifetime);

    /// <summary>Settings that let a host start outside Development: its own key set and an app token.</summary>
    public static IReadOnlyDictionary<string, string?> ProductionSettings { get; } = new Dictionary<string, string?>
    {
        ["Auth:UseDevelopmentKeys"] = "false",
        ["Auth:Jwks"] = SigningKeyPair.KeySet(Production.PublicJwk),
        ["APP_API_TOKEN"] = AppApiToken,
    };
}
