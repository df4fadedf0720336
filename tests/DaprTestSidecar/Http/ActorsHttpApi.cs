using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AirisEpm.DaprTestSidecar.Actors;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.Invocation;
using AirisEpm.DaprTestSidecar.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>The actor API Dapr.Actors uses: method calls, state get/transaction, reminders and timers.</summary>
internal static class ActorsHttpApi
{
    private static readonly string[] Methods = ["PUT", "POST"];

    /// <summary>
    /// daprd's default <c>--max-body-size</c> (4 MiB), which also caps the gRPC messages between
    /// sidecars: an actor answer that crosses from the hosting replica's sidecar to the caller's is limited to it.
    /// </summary>
    public const int MaxInternalMessageBytes = 4 * 1024 * 1024;

    public static void MapActorsApi(this RouteGroupBuilder v1)
    {
        var actors = v1.MapGroup("/actors/{type}/{id}");
        actors.MapMethods("/method/{**method}", Methods, async (string type, string id, string method, HttpContext context, TestSidecar sidecar) =>
        {
            var headers = context.Request.Headers
                .Where(h => !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) && !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                    && !h.Key.Equals("dapr-api-token", StringComparison.OrdinalIgnoreCase))
                .Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()));
            var content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } contentType)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            var actor = new ActorKey(type, id);
            using var response = await sidecar.Mesh.Actors.CallAsync(actor, method, content, headers, context.RequestAborted);
            if (sidecar.Mesh.Actors.HostOf(actor) != sidecar)
            {
                await response.Content.LoadIntoBufferAsync(context.RequestAborted);
                if (response.Content.Headers.ContentLength is > MaxInternalMessageBytes and var size)
                {
                    throw DaprApiException.ActorResponseTooLarge(method, size, MaxInternalMessageBytes);
                }
            }

            await Invoker.CopyAsync(response, context.Response, context.RequestAborted);
        });
        actors.MapGet("/state/{key}", (string type, string id, string key, TestSidecar sidecar) =>
        {
            var entry = sidecar.Mesh.Actors.StateStore(sidecar.AppId).Get(ActorPlacement.StateKey(sidecar.AppId, new ActorKey(type, id), key));
            return entry is null ? Results.NoContent() : Results.Bytes(entry.Value, "application/json");
        });
        actors.MapMethods("/state", Methods, async (string type, string id, HttpRequest http, TestSidecar sidecar) =>
        {
            var body = await JsonBody.ElementAsync(http);
            var actor = new ActorKey(type, id);
            var writes = body.EnumerateArray().Select(op =>
            {
                var request = op.GetProperty("request");
                var key = ActorPlacement.StateKey(sidecar.AppId, actor, request.GetProperty("key").GetString() ?? "");
                return op.GetProperty("operation").GetString() == "delete"
                    ? new StateWrite(key, null, null, Concurrency.LastWrite, null)
                    : new StateWrite(key, Encoding.UTF8.GetBytes(request.GetProperty("value").GetRawText()), null, Concurrency.LastWrite, Ttl(request));
            }).ToList();
            sidecar.Mesh.Actors.StateStore(sidecar.AppId).Apply(writes);
            return Results.NoContent();
        });
        MapSchedules(actors, "reminders", isReminder: true);
        MapSchedules(actors, "timers", isReminder: false);
    }

    private static void MapSchedules(RouteGroupBuilder actors, string segment, bool isReminder)
    {
        actors.MapMethods($"/{segment}/{{name}}", Methods, async (string type, string id, string name, HttpRequest http, TestSidecar sidecar) =>
        {
            sidecar.Mesh.Actors.Schedule(new ActorKey(type, id), name, isReminder, await JsonBody.ObjectAsync(http));
            return Results.NoContent();
        });
        actors.MapGet($"/{segment}/{{name}}", (string type, string id, string name, TestSidecar sidecar) =>
            sidecar.Mesh.Actors.Find(new ActorKey(type, id), name, isReminder) is { } entry
                ? Results.Text(entry.Body, "application/json")
                : isReminder ? throw DaprApiException.ReminderNotFound(name) : Results.NotFound());
        actors.MapDelete($"/{segment}/{{name}}", (string type, string id, string name, TestSidecar sidecar) =>
        {
            sidecar.Mesh.Actors.Remove(new ActorKey(type, id), name, isReminder);
            return Results.NoContent();
        });
    }

    private static TimeSpan? Ttl(JsonElement request) =>
        request.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            ? StateApi.Ttl(m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()))
            : null;
}
