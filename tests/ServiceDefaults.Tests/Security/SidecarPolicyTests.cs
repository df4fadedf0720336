using System.Net;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.ServiceDefaults.Tests.Security;

/// <summary>
/// daprd sends APP_API_TOKEN in the <c>dapr-api-token</c> header on every call into the app.
/// </summary>
public sealed class SidecarPolicyTests
{
    private const string AppApiToken = "app-api-token-for-tests";

    private static Task<WebApplication> StartAsync(string? appApiToken) => TestApp.StartAsync(
        app => app.MapPost("/events", () => "handled").RequireSidecar(),
        new Dictionary<string, string?> { ["APP_API_TOKEN"] = appApiToken });

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData(AppApiToken, HttpStatusCode.OK)]
    public async Task With_app_api_token_set_only_calls_carrying_it_are_accepted(string? header, HttpStatusCode expected)
    {
        await using var app = await StartAsync(AppApiToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events");
        if (header is not null)
        {
            request.Headers.Add("dapr-api-token", header);
        }

        var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_user_token_is_not_a_sidecar_token()
    {
        await using var app = await StartAsync(AppApiToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events");
        request.Headers.Authorization = new("Bearer", TestApp.Token("alice", Permissions.Admin));

        var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_app_api_token_in_development_only_loopback_callers_pass()
    {
        await using var app = await StartAsync(null);
        var server = app.GetTestServer();

        var remote = await server.SendAsync(c => { c.Request.Method = "POST"; c.Request.Path = "/events"; c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.1.2.3"); }, TestContext.Current.CancellationToken);
        var local = await server.SendAsync(c => { c.Request.Method = "POST"; c.Request.Path = "/events"; c.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback; }, TestContext.Current.CancellationToken);
        Assert.Equal(StatusCodes.Status401Unauthorized, remote.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, local.Response.StatusCode);
    }
}
