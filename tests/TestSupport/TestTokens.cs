using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.TestSupport;

/// <summary>Tokens signed with the development key the test hosts run with.</summary>
public static class TestTokens
{
    public static string With(params string[] permissions) => With(TimeSpan.FromMinutes(10), permissions);

    public static string With(TimeSpan lifetime, params string[] permissions) =>
        TokenIssuer.Mint(new AuthOptions { SigningKey = AuthOptions.DevelopmentSigningKey }, "test-user", permissions, lifetime);
}
