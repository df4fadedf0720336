using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.DaprTestSidecar.Tests.PubSub;

public sealed class ForcedRedeliveryTests
{
    private const string Topic = "t.idempotent";

    private sealed record Payload(int Value);

    [Fact]
    public async Task A_forced_redelivery_is_acknowledged_but_handled_once_by_an_idempotent_handler()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var handled = 0;
        await env.StartAppAsync(AppIds.AlertService, builder =>
        {
            builder.Services.AddAirisDapr();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.AddAirisAuthentication(AppIds.AlertService);
        }, app =>
        {
            // /dapr/subscribe answers the sidecar only (the double sends APP_API_TOKEN, as daprd does).
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseAirisDaprPubSub();
            app.MapPost("/handle", (Payload payload) =>
            {
                Interlocked.Increment(ref handled);
                return Results.Ok();
            }).WithSubscription(Topic).Idempotent();
        }, new SidecarOptions { AppApiToken = "app-token-for-this-test" });
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        await publisher.PublishEventAsync(DaprComponents.PubSub, Topic, new Payload(7),
            new Dictionary<string, string> { ["cloudevent.id"] = "evt-42" }, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => env.Mesh.PubSub.Deliveries.Any(d => d.Outcome == DeliveryOutcome.Acknowledged), what: "the first delivery");

        var again = await env.Mesh.PubSub.RedeliverAsync("evt-42", AppIds.AlertService, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Acknowledged, again.Outcome);
        Assert.Equal(1, handled);
    }
}
