using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.DaprTestSidecar.Tests.Services;

public sealed class RealServicesTests(RealServicesFixture fixture) : IClassFixture<RealServicesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AppIds.MetricsService, Permissions.MetricsRead)]
    [InlineData(AppIds.AlertService, Permissions.AlertsRead)]
    public async Task Health_reports_the_test_sidecar_as_healthy(string appId, string permission)
    {
        var app = appId == AppIds.MetricsService ? fixture.Metrics : fixture.Alerts;
        using var client = app.CreateClient().WithToken(permission);

        using var response = await client.GetAsync("/health", Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        var sidecar = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "dapr-sidecar");
        Assert.Equal("Healthy", sidecar.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_service_reaches_alert_service_healthz_by_app_id_in_both_forms()
    {
        using var sidecar = fixture.Metrics.CreateSidecarClient();

        using var viaPath = await sidecar.GetAsync($"/v1.0/invoke/{AppIds.AlertService}/method/healthz", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("dapr-app-id", AppIds.AlertService);
        using var viaHeader = await sidecar.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, viaPath.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
    }

    [Fact]
    public async Task The_sidecar_api_refuses_a_call_without_the_dapr_api_token()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Metrics.Sidecar.HttpEndpoint };

        using var response = await anonymous.GetAsync("/v1.0/metadata", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metadata_lists_the_components_in_the_apps_scope()
    {
        using var sidecar = fixture.Metrics.CreateSidecarClient();

        using var json = JsonDocument.Parse(await sidecar.GetStringAsync("/v1.0/metadata", Ct));

        Assert.Equal(AppIds.MetricsService, json.RootElement.GetProperty("id").GetString());
        var names = json.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains(DaprComponents.ScrapeTick, names);
        Assert.DoesNotContain(DaprComponents.Email, names);
    }

    [Fact]
    public async Task Metadata_is_in_daprds_shape()
    {
        using var sidecar = fixture.Alerts.CreateSidecarClient();

        using var json = JsonDocument.Parse(await sidecar.GetStringAsync("/v1.0/metadata", Ct));
        var root = json.RootElement;

        Assert.Equal(AppIds.AlertService, root.GetProperty("id").GetString());
        Assert.Equal("1.16.0-test-sidecar", root.GetProperty("runtimeVersion").GetString());
        var state = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == DaprComponents.StateStore);
        Assert.Equal(("state.redis", "v1"), (state.GetProperty("type").GetString(), state.GetProperty("version").GetString()));
        Assert.Equal(["ETAG", "TRANSACTIONAL", "TTL", "ACTOR"], state.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        var email = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == DaprComponents.Email);
        Assert.Equal(["OUTPUT_BINDING"], email.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        var subscription = root.GetProperty("subscriptions").EnumerateArray().First();
        Assert.Equal(DaprComponents.PubSub, subscription.GetProperty("pubsubname").GetString());
        Assert.Equal("PROGRAMMATIC", subscription.GetProperty("type").GetString());
        Assert.True(subscription.TryGetProperty("deadLetterTopic", out _));
        // The default route is the last rule, with no match (daprd's shape).
        var route = subscription.GetProperty("rules").EnumerateArray().Last();
        Assert.False(route.TryGetProperty("match", out _));
        Assert.False(string.IsNullOrEmpty(route.GetProperty("path").GetString()));
        var runtime = root.GetProperty("actorRuntime");
        Assert.Equal(("RUNNING", true), (runtime.GetProperty("runtimeStatus").GetString(), runtime.GetProperty("hostReady").GetBoolean()));
        var app = root.GetProperty("appConnectionProperties");
        Assert.Equal(fixture.Alerts.BaseUrl.Port, app.GetProperty("port").GetInt32());
        Assert.Equal(("http", "127.0.0.1"), (app.GetProperty("protocol").GetString(), app.GetProperty("channelAddress").GetString()));
        var health = app.GetProperty("health");
        Assert.Equal(("/healthz", "5s", "500ms", 3),
            (health.GetProperty("healthCheckPath").GetString(), health.GetProperty("healthProbeInterval").GetString(),
             health.GetProperty("healthProbeTimeout").GetString(), health.GetProperty("healthThreshold").GetInt32()));
        Assert.False(root.TryGetProperty("enabledFeatures", out _), "daprd leaves an empty list out");
        Assert.False(root.TryGetProperty("httpEndpoints", out _), "daprd leaves an empty list out");
    }

    [Fact]
    public async Task Each_service_serves_its_own_sidecars_metadata_to_admins()
    {
        using var admin = fixture.Metrics.CreateClient().WithToken(Permissions.Admin);
        using var json = JsonDocument.Parse(await admin.GetStringAsync(DaprMetadataEndpoint.Route, Ct));
        Assert.Equal(AppIds.MetricsService, json.RootElement.GetProperty("id").GetString());
        Assert.Contains(json.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("name").GetString() == DaprComponents.ScrapeTick);

        using var reader = fixture.Metrics.CreateClient().WithToken(Permissions.MetricsRead);
        using var refused = await reader.GetAsync(DaprMetadataEndpoint.Route, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
