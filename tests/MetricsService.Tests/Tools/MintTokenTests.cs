using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AirisEpm.MintToken;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AirisEpm.MetricsService.Tests.Tools;

/// <summary>The documented way to mint a local token yields tokens metrics-service accepts.</summary>
public sealed class MintTokenTests
{
    [Fact]
    public async Task The_printed_development_token_is_accepted_by_the_service()
    {
        var (exitCode, token, stderr) = await RunToolProcessAsync("metrics:read");

        Assert.Equal(0, exitCode);
        Assert.Contains("development key", stderr);
        await using var factory = new ServiceFactory<Program>();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetHealthAsync(factory, token));
    }

    [Fact]
    public async Task A_token_signed_with_the_configured_key_is_accepted_only_by_a_service_with_that_key()
    {
        var (_, keys, _) = Run(new Hashtable(), "new-keys", "--kid", "test-rotation-1");
        using var secrets = JsonDocument.Parse(keys);
        var privateKey = secrets.RootElement.GetProperty(AuthOptions.SigningKeySecretName).GetString()!;
        var jwks = secrets.RootElement.GetProperty(AuthOptions.JwksSecretName).GetString()!;
        var (code, token, stderr) = Run(new Hashtable { ["Auth__SigningKey"] = privateKey }, "metrics:read");
        Assert.Equal(0, code);
        Assert.DoesNotContain("development key", stderr);

        await using var sameKey = new ServiceFactory<Program>().AsProduction().With("Auth:Jwks", jwks);
        await using var developmentKey = new ServiceFactory<Program>();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetHealthAsync(sameKey, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetHealthAsync(developmentKey, token));
    }

    [Fact]
    public async Task A_token_without_the_read_permission_is_forbidden()
    {
        var (_, token, _) = Run(new Hashtable(), "metrics:write");
        await using var factory = new ServiceFactory<Program>();
        Assert.Equal(HttpStatusCode.Forbidden, await GetHealthAsync(factory, token));
    }

    [Fact]
    public void Subject_hours_and_permissions_are_carried_in_the_token()
    {
        var before = DateTime.UtcNow;
        var (code, token, _) = Run(new Hashtable(), "logs:read", "admin", "--subject", "alice", "--hours", "2");

        Assert.Equal(0, code);
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);
        Assert.Equal("alice", jwt.Subject);
        Assert.Equal(["logs:read", "admin"], jwt.Claims.Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value));
        Assert.InRange(jwt.ValidTo, before.AddHours(2).AddSeconds(-5), before.AddHours(2).AddSeconds(5));
    }

    [Theory]
    [InlineData("metrics:reed")]
    [InlineData("metrics:read", "--hours", "zero")]
    [InlineData("metrics:read", "--subject")]
    [InlineData("--hours", "1")]
    public void Bad_arguments_exit_2_with_the_reason(params string[] args)
    {
        var (code, token, stderr) = Run(new Hashtable(), args);
        Assert.Equal(2, code);
        Assert.Empty(token);
        Assert.Contains("usage:", stderr);
    }

    [Fact]
    public void A_signing_key_that_is_not_a_private_ec_jwk_is_refused()
    {
        var (code, _, stderr) = Run(new Hashtable { ["Auth__SigningKey"] = "airis-epm-local-development-signing-key-do-not-use-in-production" }, "admin");
        Assert.Equal(2, code);
        Assert.Contains("not a valid JWK", stderr);

        var (publicOnly, _, stderr2) = Run(new Hashtable { ["Auth__SigningKey"] = TestTokens.Production.PublicJwk }, "admin");
        Assert.Equal(2, publicOnly);
        Assert.Contains("has no private part", stderr2);
    }

    [Fact]
    public void Tokens_name_every_service_unless_an_audience_is_given()
    {
        var (_, all, _) = Run(new Hashtable(), "metrics:read");
        Assert.Equal(AirisEpm.ServiceDefaults.Dapr.AppIds.All, new JsonWebTokenHandler().ReadJsonWebToken(all).Audiences);

        var (_, one, _) = Run(new Hashtable(), "metrics:read", "--audience", "log-service");
        Assert.Equal(["log-service"], new JsonWebTokenHandler().ReadJsonWebToken(one).Audiences);

        var (code, _, stderr) = Run(new Hashtable(), "metrics:read", "--audience", "nobody");
        Assert.Equal(2, code);
        Assert.Contains("--audience must be an app id", stderr);
    }

    [Fact]
    public void New_keys_keep_the_old_key_set_for_a_rotation()
    {
        var (_, first, _) = Run(new Hashtable(), "new-keys", "--kid", "old");
        var oldJwks = Path.GetTempFileName();
        using var firstDoc = JsonDocument.Parse(first);
        File.WriteAllText(oldJwks, firstDoc.RootElement.GetProperty(AuthOptions.JwksSecretName).GetString());

        var (code, second, _) = Run(new Hashtable(), "new-keys", "--kid", "new", "--keep", oldJwks);
        File.Delete(oldJwks);
        Assert.Equal(0, code);
        using var secondDoc = JsonDocument.Parse(second);
        var keys = SigningKeys.ParseKeySet(secondDoc.RootElement.GetProperty(AuthOptions.JwksSecretName).GetString()!);
        Assert.Equal(["new", "old"], keys.Select(k => k.Kid));
        Assert.Equal("new", SigningKeys.ParsePrivateKey(secondDoc.RootElement.GetProperty(AuthOptions.SigningKeySecretName).GetString()!).Kid);
    }

    private static (int Code, string Token, string Stderr) Run(IDictionary environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = MintTokenCommand.Run(args, environment, output, error);
        return (code, output.ToString().Trim(), error.ToString());
    }

    private static async Task<HttpStatusCode> GetHealthAsync(ServiceFactory<Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>Runs the built tool as a process, exactly as <c>dotnet run</c> would, minus the build.</summary>
    private static async Task<(int Code, string Token, string Stderr)> RunToolProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AirisEpm.MintToken.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("Auth__SigningKey");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return (process.ExitCode, (await stdout).Trim(), await stderr);
    }
}
