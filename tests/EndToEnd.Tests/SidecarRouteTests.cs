using System.Net;
using System.Text;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// alert-service on real Kestrel: its subscription route refuses a caller without the app token,
/// and the same event published through the sidecar double (which sends APP_API_TOKEN, as daprd
/// does) is delivered, acknowledged and becomes an alert. The actor routes refuse outsiders too.
/// </summary>
public sealed class SidecarRouteTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private string Event => $$"""{"ruleId":"sidecar-only","metricName":"m","seriesLabels":{"service":"gate"},"value":9,"threshold":1,"state":"firing","at":"{{platform.Environment.Clock.GetUtcNow():O}}"}""";

    [Fact]
    public async Task A_subscription_route_is_401_from_outside_and_delivered_through_the_sidecar()
    {
        using var outsider = platform.Alerts.CreateClient();
        var direct = await outsider.PostAsync("/events/metrics-threshold-crossed", new StringContent(Event, Encoding.UTF8, "application/json"), Http.Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);

        using var publisher = PlatformFixture.DaprClientOf(platform.Metrics);
        await publisher.PublishEventAsync(DaprComponents.PubSub, Topics.MetricsThresholdCrossed,
            System.Text.Json.JsonDocument.Parse(Event).RootElement, Http.Ct);
        await Eventually.TrueAsync(() => platform.Environment.Mesh.PubSub.Deliveries.Any(d =>
                d.AppId == AppIds.AlertService && d.Message.Topic == Topics.MetricsThresholdCrossed
                && d.Outcome == DeliveryOutcome.Acknowledged && d.Attempts.SequenceEqual([200])),
            what: "the event acknowledged by alert-service");

        var alerts = platform.Alerts.Client(Permissions.AlertsRead);
        await Eventually.TrueAsync(() => Alerts(alerts).Contains("sidecar-only", StringComparison.Ordinal), what: "the alert raised by the delivered event");
    }

    private static string Alerts(HttpClient client)
    {
        using var response = client.GetAsync("/api/v2/alerts", Http.Ct).GetAwaiter().GetResult();
        return response.IsSuccessStatusCode ? response.Content.ReadAsStringAsync(Http.Ct).GetAwaiter().GetResult() : "";
    }

    [Theory]
    [InlineData("DELETE", "/actors/AlertEngineActor/primary")]
    [InlineData("GET", "/dapr/config")]
    [InlineData("GET", "/dapr/subscribe")]
    [InlineData("PUT", "/actors/IncidentActor/x/method/GetAsync")]
    public async Task Actor_and_dapr_routes_are_401_from_outside(string method, string path)
    {
        using var outsider = platform.Alerts.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        Assert.Equal(HttpStatusCode.Unauthorized, (await outsider.SendAsync(request, Http.Ct)).StatusCode);
    }
}
