using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.TestSupport;

/// <summary>Tokens signed with the development key the test hosts run with.</summary>
public static class TestTokens
{
    public static string With(params string[] permissions) =>
        TokenIssuer.Mint(new AuthOptions { SigningKey = AuthOptions.DevelopmentSigningKey }, "test-user", permissions, TimeSpan.FromMinutes(10));
}
