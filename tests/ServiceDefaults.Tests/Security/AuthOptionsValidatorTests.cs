using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AirisEpm.ServiceDefaults.Tests.Security;

public sealed class AuthOptionsValidatorTests
{
    private static readonly string ProductionJwks = SigningKeyPair.KeySet(TestTokens.Production.PublicJwk);

    [Theory]
    [InlineData("Development", false, false, "", "", null)]
    [InlineData("Production", false, false, "JWKS", "token", "Auth:Enabled=false is allowed only in the Development environment")]
    [InlineData("Development", true, true, "", "", null)]
    [InlineData("Staging", true, true, "", "token", "Auth:UseDevelopmentKeys is allowed only in Development")]
    [InlineData("Production", true, false, "JWKS", "token", null)]
    [InlineData("Production", true, false, "JWKS", "", "APP_API_TOKEN is not set")]
    [InlineData("Production", true, false, "DEV-JWKS", "token", "Auth:Jwks holds the published development key")]
    [InlineData("Production", true, false, "{\"keys\":[]}", "token", "holds no EC (ES256) key")]
    [InlineData("Production", true, false, "not json", "token", "Auth:Jwks: The JWKS is not a valid JSON Web Key Set")]
    public void Refuses_what_would_leave_a_service_open_or_forgeable(
        string environment, bool enabled, bool developmentKeys, string jwks, string appToken, string? expectedError)
    {
        var options = new AuthOptions
        {
            Enabled = enabled,
            UseDevelopmentKeys = developmentKeys,
            Jwks = jwks switch { "JWKS" => ProductionJwks, "DEV-JWKS" => DevelopmentKeys.Jwks, _ => jwks },
        };
        var result = Validator(environment, appToken).Validate(null, options);

        if (expectedError is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(expectedError, result.FailureMessage);
        }
    }

    [Fact]
    public void A_private_key_in_the_key_set_is_refused()
    {
        var leaked = SigningKeyPair.KeySet(TestTokens.Production.PrivateJwk);
        var result = Validator("Production", "token").Validate(null, new AuthOptions { Jwks = leaked });
        Assert.Contains("holds a private part", result.FailureMessage);
    }

    [Fact]
    public void The_development_signing_key_is_refused_outside_development()
    {
        var result = Validator("Production", "token").Validate(null, new AuthOptions { Jwks = ProductionJwks, SigningKey = DevelopmentKeys.PrivateJwk });
        Assert.Contains("Auth:SigningKey holds the published development key", result.FailureMessage);
    }

    private static AuthOptionsValidator Validator(string environment, string appToken) => new(
        new Environment(environment),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["APP_API_TOKEN"] = appToken }).Build());

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
