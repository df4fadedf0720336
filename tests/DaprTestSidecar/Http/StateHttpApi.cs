using System.Text;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>/v1.0/state: save, get (ETag header), delete (If-Match), bulk get and transactions.</summary>
internal static class StateHttpApi
{
    public static void MapStateApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/state/{store}", async (string store, HttpRequest http, TestSidecar sidecar) =>
        {
            var body = await JsonBody.ElementAsync(http);
            sidecar.State.Apply(store, body.EnumerateArray().Select(i => Write(i, delete: false)).ToList());
            return Results.NoContent();
        });
        v1.MapGet("/state/{store}/{key}", (string store, string key, TestSidecar sidecar, HttpResponse response) =>
        {
            if (sidecar.State.Get(store, key) is not { } entry)
            {
                return Results.NoContent();
            }

            response.Headers.ETag = entry.ETag;
            return Results.Bytes(entry.Value, "application/json");
        });
        v1.MapDelete("/state/{store}/{key}", (string store, string key, TestSidecar sidecar, HttpRequest request) =>
        {
            var etag = request.Headers.IfMatch.ToString();
            sidecar.State.Apply(store, [new StateWrite(key, null, etag.Length == 0 ? null : etag, Concurrency.Unspecified, null)], "delete");
            return Results.NoContent();
        });
        v1.MapPost("/state/{store}/bulk", async (string store, HttpRequest http, TestSidecar sidecar) =>
            Results.Json((await JsonBody.ElementAsync(http)).GetProperty("keys").EnumerateArray().Select(k => k.GetString() ?? "").Select(key =>
            {
                var entry = sidecar.State.Get(store, key);
                return new { key, data = entry is null ? (JsonElement?)null : JsonDocument.Parse(entry.Value).RootElement, etag = entry?.ETag };
            })));
        v1.MapPost("/state/{store}/transaction", async (string store, HttpRequest http, TestSidecar sidecar) =>
        {
            var body = await JsonBody.ElementAsync(http);
            var writes = body.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("operation").GetString() switch
            {
                "upsert" => Write(o.GetProperty("request"), delete: false),
                "delete" => Write(o.GetProperty("request"), delete: true),
                var other => throw DaprApiException.BadRequest("ERR_NOT_SUPPORTED_STATE_OPERATION", $"operation type {other} not supported"),
            }).ToList();
            sidecar.State.Transact(store, writes);
            return Results.NoContent();
        });
    }

    private static StateWrite Write(JsonElement item, bool delete)
    {
        var metadata = item.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
            : [];
        var concurrency = item.TryGetProperty("options", out var o) && o.TryGetProperty("concurrency", out var c)
            ? c.GetString() switch { "first-write" => Concurrency.FirstWrite, "last-write" => Concurrency.LastWrite, _ => Concurrency.Unspecified }
            : Concurrency.Unspecified;
        var etag = item.TryGetProperty("etag", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var value = delete ? null : Encoding.UTF8.GetBytes(item.GetProperty("value").GetRawText());
        return new StateWrite(item.GetProperty("key").GetString() ?? "", value, etag, concurrency, delete ? null : StateApi.Ttl(metadata));
    }
}
