extern alias alert;
extern alias metrics;
extern alias traces;
using System.Net;
using System.Net.Http.Headers;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Secrets;
using Dapr;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// metrics-service, trace-service and alert-service in Production beside the sidecar double, with keys only in the
/// Dapr secret store and the compose Configurations' secret scopes: every service validates with the
/// published key set; only the token issuers can read the private key, with which they mint short-lived
/// tokens for one audience; alert-service reads its config-encryption key ring at start, and trace-service,
/// on the signer Configuration, runs without it and cannot read it.
/// </summary>
public sealed class ProductionKeysTests : IAsyncLifetime
{
    private static readonly SigningKeyPair Keys = SigningKeyPair.Generate("e2e-production-key");
    private DaprTestEnvironment _environment = null!;
    private RunningApp _metrics = null!;
    private RunningApp _alerts = null!;
    private RunningApp _traces = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-e2e-keys-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync(options =>
        {
            options.SecretOverrides[AuthOptions.JwksSecretName] = SigningKeyPair.KeySet(Keys.PublicJwk);
            options.SecretOverrides[AuthOptions.SigningKeySecretName] = Keys.PrivateJwk;
            var aesKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            options.SecretOverrides[ConfigEncryptionOptions.SecretName] = "{\"active\":\"k1\",\"keys\":{\"k1\":\"" + aesKey + "\"}}";
        });
        Directory.CreateDirectory(_folder);
        _metrics = await _environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService,
            new Dictionary<string, string?> { ["Metrics:Store:DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb") },
            configFile: "components/config/compose.yaml", environmentName: "Production");
        _alerts = await _environment.StartServiceAsync<alert::Program>(AppIds.AlertService,
            configFile: "components/config/compose-issuer.yaml", environmentName: "Production");
        _traces = await _environment.StartServiceAsync<traces::Program>(AppIds.TraceService,
            new Dictionary<string, string?> { ["Traces:Store:DataDirectory"] = Path.Combine(_folder, "traces") },
            configFile: "components/config/compose-signer.yaml", environmentName: "Production");
    }

    public async ValueTask DisposeAsync()
    {
        await _environment.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Tokens_of_the_published_key_are_accepted_and_development_tokens_refused()
    {
        var person = TokenIssuer.Mint(SigningKeys.ParsePrivateKey(Keys.PrivateJwk), "airis-epm", AppIds.All, "ops", [Permissions.MetricsRead], TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, await NamesAsync(person));
        Assert.Equal(HttpStatusCode.Unauthorized, await NamesAsync(AirisEpm.TestSupport.TestTokens.With(Permissions.MetricsRead)));
    }

    [Fact]
    public async Task Only_the_issuer_reads_the_private_key()
    {
        using var metricsDapr = PlatformFixture.DaprClientOf(_metrics);
        var denied = await Assert.ThrowsAnyAsync<DaprException>(() =>
            metricsDapr.GetSecretAsync(DaprComponents.SecretStore, AuthOptions.SigningKeySecretName, cancellationToken: Http.Ct));
        Assert.Contains("PermissionDenied", denied.ToString(), StringComparison.Ordinal);
        var jwks = await metricsDapr.GetSecretAsync(DaprComponents.SecretStore, AuthOptions.JwksSecretName, cancellationToken: Http.Ct);
        Assert.Contains(Keys.KeyId, jwks[AuthOptions.JwksSecretName], StringComparison.Ordinal);

        using var alertDapr = PlatformFixture.DaprClientOf(_alerts);
        var key = await alertDapr.GetSecretAsync(DaprComponents.SecretStore, AuthOptions.SigningKeySecretName, cancellationToken: Http.Ct);
        Assert.Equal(Keys.KeyId, SigningKeys.ParsePrivateKey(key[AuthOptions.SigningKeySecretName]).Kid);
    }

    [Fact]
    public async Task The_issuer_mints_short_lived_tokens_for_one_audience()
    {
        var issuer = _alerts.Services.GetRequiredService<ServiceTokenIssuer>();
        var forMetrics = await issuer.TokenForAsync(AppIds.MetricsService, [Permissions.MetricsRead], Http.Ct);
        var forLogs = await issuer.TokenForAsync(AppIds.LogService, [Permissions.MetricsRead], Http.Ct);

        Assert.Equal(HttpStatusCode.OK, await NamesAsync(forMetrics!));
        Assert.Equal(HttpStatusCode.Unauthorized, await NamesAsync(forLogs!));
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ReadJsonWebToken(forMetrics);
        Assert.Equal(AppIds.AlertService, jwt.Subject);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task Trace_service_signs_without_the_key_ring_and_may_not_read_it()
    {
        using (var health = await _traces.CreateClient().GetAsync("/healthz", Http.Ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var traceDapr = PlatformFixture.DaprClientOf(_traces);
        var denied = await Assert.ThrowsAnyAsync<DaprException>(() =>
            traceDapr.GetSecretAsync(DaprComponents.SecretStore, ConfigEncryptionOptions.SecretName, cancellationToken: Http.Ct));
        Assert.Contains("PermissionDenied", denied.ToString(), StringComparison.Ordinal);

        var token = await _traces.Services.GetRequiredService<ServiceTokenIssuer>().TokenForAsync(AppIds.MetricsService, [Permissions.MetricsRead], Http.Ct);
        Assert.Equal(HttpStatusCode.OK, await NamesAsync(token!));
        Assert.Equal(AppIds.TraceService, new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ReadJsonWebToken(token).Subject);
    }

    [Fact]
    public async Task Alert_service_encrypts_secret_fields_with_the_key_ring_from_the_secret_store()
    {
        var token = TokenIssuer.Mint(SigningKeys.ParsePrivateKey(Keys.PrivateJwk), "airis-epm", AppIds.All, "ops", [Permissions.AlertsRead, Permissions.AlertsWrite], TimeSpan.FromMinutes(5));
        using var client = _alerts.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var yaml = "route:\n  receiver: hook\nreceivers:\n  - name: hook\n    webhook_configs:\n      - url: http://hooks.example/secret-token-123\n";
        Assert.Equal(HttpStatusCode.OK, (await client.PutYamlAsync("/api/v1/alerting/config", yaml)).StatusCode);

        var shown = await client.GetStringAsync("/api/v1/alerting/config", Http.Ct);
        Assert.Contains("<secret>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-123", shown, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> NamesAsync(string token)
    {
        using var client = _metrics.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/metrics/names", Http.Ct);
        return response.StatusCode;
    }
}
