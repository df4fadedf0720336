using System.Text.Json;
using System.Text.Json.Nodes;
using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>daprd reads JSON bodies whatever the Content-Type says (the SDKs do not always send one).</summary>
internal static class JsonBody
{
    public static async Task<JsonElement> ElementAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw DaprApiException.BadRequest("ERR_MALFORMED_REQUEST", $"failed deserializing HTTP body: {ex.Message}");
        }
    }

    public static async Task<JsonObject> ObjectAsync(HttpRequest request) =>
        JsonNode.Parse((await ElementAsync(request)).GetRawText()) as JsonObject
            ?? throw DaprApiException.BadRequest("ERR_MALFORMED_REQUEST", "the body is not a JSON object");
}
