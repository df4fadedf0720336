using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Tests.Invocation;

public sealed class InvocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<RunningApp> StartEchoAsync(DaprTestEnvironment env) =>
        env.StartAppAsync(AppIds.LogService, _ => { }, app =>
            app.MapMethods("/echo/{**rest}", ["GET", "POST"], async (string? rest, HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                return Results.Json(new
                {
                    method = request.Method,
                    path = request.Path.Value,
                    query = request.QueryString.Value,
                    header = request.Headers["x-custom"].ToString(),
                    traceparent = request.Headers["traceparent"].ToString(),
                    body = await reader.ReadToEndAsync(),
                }, statusCode: rest == "teapot" ? 418 : 200);
            }));

    [Fact]
    public async Task The_sdk_invokes_by_app_id_through_v1_invoke()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        await StartEchoAsync(env);
        var caller = await env.Mesh.StartSidecarAsync(AppIds.MetricsService);
        using var http = DaprClient.CreateInvokeHttpClient(AppIds.LogService, caller.HttpEndpoint.ToString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo/items?limit=5") { Content = JsonContent.Create(new { name = "x" }) };
        request.Headers.Add("x-custom", "kept");
        using var response = await http.SendAsync(request, Ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal("POST", answer.GetProperty("method").GetString());
        Assert.Equal("/echo/items", answer.GetProperty("path").GetString());
        Assert.Equal("?limit=5", answer.GetProperty("query").GetString());
        Assert.Equal("kept", answer.GetProperty("header").GetString());
        Assert.Contains("\"name\":\"x\"", answer.GetProperty("body").GetString());
    }

    [Fact]
    public async Task The_dapr_app_id_header_form_forwards_path_query_status_and_trace()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        await StartEchoAsync(env);
        var caller = await env.Mesh.StartSidecarAsync(AppIds.MetricsService);
        // The caller's traceparent must reach the sidecar as sent: no HttpClient propagation on top.
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = caller.HttpEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/echo/teapot?x=1");
        request.Headers.Add("dapr-app-id", AppIds.LogService);
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        using var response = await http.SendAsync(request, Ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("?x=1", answer.GetProperty("query").GetString());
        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", answer.GetProperty("traceparent").GetString());
        Assert.DoesNotContain("b7ad6b7169203331", answer.GetProperty("traceparent").GetString());
    }

    [Fact]
    public async Task An_unknown_app_id_answers_500_err_direct_invoke()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var caller = await env.Mesh.StartSidecarAsync(AppIds.MetricsService);
        using var http = new HttpClient { BaseAddress = caller.HttpEndpoint };

        using var response = await http.GetAsync("/v1.0/invoke/nobody/method/healthz", Ct);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", error.GetProperty("errorCode").GetString());
        Assert.Contains("nobody", error.GetProperty("message").GetString());
    }
}
