using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf;

namespace AirisEpm.TraceService.Tests.Support;

internal static class Http
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static ByteArrayContent Body(byte[] bytes, string? contentType, string? encoding = null)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null) content.Headers.ContentEncoding.Add(encoding);
        return content;
    }

    public static ByteArrayContent Protobuf(IMessage message) => Body(message.ToByteArray(), "application/x-protobuf");

    public static ByteArrayContent Json(string json) => Body(System.Text.Encoding.UTF8.GetBytes(json), "application/json");

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>The problem document of a refused request, checked to be application/problem+json with the expected status.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
    }
}
