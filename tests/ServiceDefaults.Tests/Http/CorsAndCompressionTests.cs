using System.Net;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.ServiceDefaults.Tests.Http;

public sealed class CorsAndCompressionTests
{
    private const string Grafana = "https://grafana.example.com";

    private static Task<WebApplication> StartAsync() => TestApp.StartAsync(
        app => app.MapGet("/big", () => string.Concat(Enumerable.Repeat("metric_value 42\n", 2000))),
        new Dictionary<string, string?> { ["Http:CorsOrigins:0"] = Grafana });

    [Fact]
    public async Task A_configured_origin_is_allowed_and_another_is_not()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();

        Assert.Equal(Grafana, await AllowedOriginAsync(client, Grafana));
        Assert.Null(await AllowedOriginAsync(client, "https://evil.example.com"));
    }

    [Fact]
    public async Task A_preflight_from_the_configured_origin_is_answered()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/big");
        request.Headers.Add("Origin", Grafana);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Grafana, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Responses_are_compressed_when_the_client_accepts_it(string encoding)
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/big");
        request.Headers.Add("Accept-Encoding", encoding);
        var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(compressed.Length < 32_000 / 10, $"{compressed.Length} bytes is not compressed");
    }

    [Fact]
    public async Task Responses_are_plain_without_accept_encoding()
    {
        await using var app = await StartAsync();
        var response = await app.GetTestClient().GetAsync("/big", TestContext.Current.CancellationToken);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static async Task<string?> AllowedOriginAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/big");
        request.Headers.Add("Origin", origin);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
