using System.Net;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace AirisEpm.DaprTestSidecar.Tests.Secrets;

/// <summary>
/// The secrets API through the real DaprClient, against components/local's secretstore (secrets.json) and the
/// Configuration files in config/, scoped as daprd scopes them.
/// </summary>
public sealed class SecretsTests
{
    private const string Store = DaprComponents.SecretStore;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Config(string file) => $"tests/DaprTestSidecar.Tests/Secrets/config/{file}";

    private static async Task<DaprClient> ClientAsync(DaprTestEnvironment env, string? configFile = null, string appId = AppIds.AlertService) =>
        DaprClients.For(await env.Mesh.StartSidecarAsync(appId, new SidecarOptions { DaprApiToken = "token-" + Guid.NewGuid().ToString("N"), ConfigFile = configFile }));

    private static async Task AssertFailsAsync(Func<Task> call, string errorCode, StatusCode status)
    {
        var error = await Assert.ThrowsAsync<DaprException>(call);
        Assert.Equal(errorCode, DaprClients.ErrorCode(error));
        Assert.Equal(status, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task Without_a_configuration_every_secret_is_read_nested_keys_joined_and_overrides_applied()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = await ClientAsync(env);

        Assert.Equal(new Dictionary<string, string> { ["twilio-from-number"] = "+15005550006" }, await dapr.GetSecretAsync(Store, "twilio-from-number", cancellationToken: Ct));
        Assert.Equal("placeholder-read-as-nested:example", (await dapr.GetSecretAsync(Store, "nested:example", cancellationToken: Ct))["nested:example"]);
        Assert.Equal(new Uri(env.Receiver.BaseUrl, "slack").ToString(), (await dapr.GetSecretAsync(Store, "slack-webhook-url", cancellationToken: Ct))["slack-webhook-url"]);
    }

    [Fact]
    public async Task Default_access_deny_refuses_with_err_permission_denied()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = await ClientAsync(env, Config("deny-by-default.yaml"));

        await AssertFailsAsync(() => dapr.GetSecretAsync(Store, "twilio-from-number", cancellationToken: Ct), "ERR_PERMISSION_DENIED", StatusCode.PermissionDenied);
        Assert.Empty(await dapr.GetBulkSecretAsync(Store, cancellationToken: Ct));
    }

    [Fact]
    public async Task Denied_secrets_are_refused_and_the_others_read()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = await ClientAsync(env, Config("denied-secrets.yaml"));

        await AssertFailsAsync(() => dapr.GetSecretAsync(Store, "twilio-auth-token", cancellationToken: Ct), "ERR_PERMISSION_DENIED", StatusCode.PermissionDenied);
        Assert.Equal("+15005550006", (await dapr.GetSecretAsync(Store, "twilio-from-number", cancellationToken: Ct))["twilio-from-number"]);
    }

    [Fact]
    public async Task An_allowed_list_alone_decides_even_over_denied_secrets()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var app = await env.StartAppAsync(AppIds.AlertService, _ => { }, _ => { }, configFile: Config("allowed-secrets.yaml"));
        using var dapr = DaprClients.For(app.Sidecar);

        Assert.Equal("+15005550006", (await dapr.GetSecretAsync(Store, "twilio-from-number", cancellationToken: Ct))["twilio-from-number"]);
        Assert.NotEmpty((await dapr.GetSecretAsync(Store, "nested:example", cancellationToken: Ct))["nested:example"]);
        await AssertFailsAsync(() => dapr.GetSecretAsync(Store, "webhook-url", cancellationToken: Ct), "ERR_PERMISSION_DENIED", StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Bulk_returns_only_what_the_scopes_allow()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var all = await ClientAsync(env);
        using var denied = await ClientAsync(env, Config("denied-secrets.yaml"));
        using var allowed = await ClientAsync(env, Config("allowed-secrets.yaml"));

        var everything = await all.GetBulkSecretAsync(Store, cancellationToken: Ct);
        var withoutTwilioCredentials = await denied.GetBulkSecretAsync(Store, cancellationToken: Ct);
        var listed = await allowed.GetBulkSecretAsync(Store, cancellationToken: Ct);

        Assert.Equal(["nested:example", "slack-webhook-url", "twilio-account-sid", "twilio-auth-token", "twilio-from-number", "webhook-url"], everything.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["webhook-url"] = new Uri(env.Receiver.BaseUrl, "webhook").ToString() }, everything["webhook-url"]);
        Assert.Equal(["nested:example", "slack-webhook-url", "twilio-from-number", "webhook-url"], withoutTwilioCredentials.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["nested:example", "twilio-from-number"], listed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_key_fails_with_err_secret_get()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = await ClientAsync(env);

        await AssertFailsAsync(() => dapr.GetSecretAsync(Store, "no-such-secret", cancellationToken: Ct), "ERR_SECRET_GET", StatusCode.Internal);
    }

    [Fact]
    public async Task An_unknown_store_fails_with_err_secret_store_not_found()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = await ClientAsync(env, Config("denied-secrets.yaml"));

        await AssertFailsAsync(() => dapr.GetSecretAsync("vault", "twilio-from-number", cancellationToken: Ct), "ERR_SECRET_STORE_NOT_FOUND", StatusCode.InvalidArgument);
        await AssertFailsAsync(() => dapr.GetBulkSecretAsync("vault", cancellationToken: Ct), "ERR_SECRET_STORE_NOT_FOUND", StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task An_app_outside_the_stores_scopes_has_no_secret_store()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = await ClientAsync(env, appId: "reporting-service");

        await AssertFailsAsync(() => dapr.GetSecretAsync(Store, "twilio-from-number", cancellationToken: Ct), "ERR_SECRET_STORES_NOT_CONFIGURED", StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task A_configuration_daprd_would_refuse_fails_the_sidecar_start()
    {
        await using var env = await DaprTestEnvironment.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => env.Mesh.StartSidecarAsync(AppIds.AlertService, new SidecarOptions { ConfigFile = Config("repeated-store.yaml") }));
        Assert.Contains("secretstore storeName is repeated", error.Message);
    }

    [Fact]
    public async Task Over_http_a_secret_is_read_and_a_denied_one_answers_403()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var sidecar = await env.Mesh.StartSidecarAsync(AppIds.AlertService, new SidecarOptions { ConfigFile = Config("denied-secrets.yaml") });
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var read = await http.GetAsync(new Uri($"/v1.0/secrets/{Store}/twilio-from-number", UriKind.Relative), Ct);
        using var denied = await http.GetAsync(new Uri($"/v1.0/secrets/{Store}/twilio-auth-token", UriKind.Relative), Ct);
        using var bulk = await http.GetAsync(new Uri($"/v1.0/secrets/{Store}/bulk", UriKind.Relative), Ct);

        Assert.Equal("{\"twilio-from-number\":\"+15005550006\"}", await read.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("ERR_PERMISSION_DENIED", await denied.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("twilio-auth-token", await bulk.Content.ReadAsStringAsync(Ct));
    }
}
