using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>/v1.0/healthz, /v1.0/healthz/outbound, /v1.0/metadata and /v1.0/shutdown.</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/healthz", () => Results.NoContent());
        v1.MapGet("/healthz/outbound", () => Results.NoContent());
        v1.MapPost("/shutdown", (TestSidecar sidecar) =>
        {
            sidecar.RequestShutdown();
            return Results.NoContent();
        });
        v1.MapGet("/metadata", (TestSidecar sidecar) =>
        {
            var d = sidecar.Describe();
            return Results.Json(new
            {
                id = d.Id,
                runtimeVersion = d.RuntimeVersion,
                components = d.Components.Select(c => new { name = c.Name, type = c.Type, version = c.Version }),
                subscriptions = d.Subscriptions.Select(s => new
                {
                    pubsubname = s.PubSubName,
                    topic = s.Topic,
                    deadLetterTopic = s.DeadLetterTopic,
                    rules = s.Rules.Select(r => new { match = r.Match, path = r.Path }),
                }),
                actors = d.ActiveActors.Select(a => new { type = a.Type, count = a.Count }),
                appConnectionProperties = new { channelAddress = sidecar.IsConnected ? sidecar.Channel.BaseUrl.ToString() : null },
            });
        });
    }
}
