using AirisEpm.DaprTestSidecar.Bindings;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.PubSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>/v1.0/publish/{pubsub}/{topic} (metadata.* query parameters) and /v1.0/bindings/{name}.</summary>
internal static class PublishHttpApi
{
    public static void MapPublishApi(this RouteGroupBuilder v1) =>
        v1.MapPost("/publish/{pubsub}/{**topic}", async (string pubsub, string topic, HttpRequest request, TestSidecar sidecar) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var metadata = request.Query
                .Where(q => q.Key.StartsWith("metadata.", StringComparison.Ordinal))
                .ToDictionary(q => q.Key["metadata.".Length..], q => q.Value.ToString());
            sidecar.Publish(new PublishRequest(pubsub, topic, body.ToArray(), request.ContentType, metadata), request.Headers["traceparent"]);
            return Results.NoContent();
        });

    public static void MapBindingsApi(this RouteGroupBuilder v1) =>
        v1.MapPost("/bindings/{name}", async (string name, HttpBindingBody body, TestSidecar sidecar, CancellationToken cancellationToken) =>
        {
            var data = body.Data is { } json
                ? System.Text.Encoding.UTF8.GetBytes(json.ValueKind == System.Text.Json.JsonValueKind.String ? json.GetString()! : json.GetRawText())
                : [];
            var result = await sidecar.Bindings.InvokeAsync(
                name, new BindingRequest(body.Operation ?? "create", data, body.Metadata ?? []), cancellationToken);
            return result.Data.Length == 0 ? Results.NoContent() : Results.Bytes(result.Data);
        });

    internal sealed record HttpBindingBody(System.Text.Json.JsonElement? Data, Dictionary<string, string>? Metadata, string? Operation);
}
