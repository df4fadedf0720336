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
}
