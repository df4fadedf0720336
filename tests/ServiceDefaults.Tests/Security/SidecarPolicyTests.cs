using System.Net;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.ServiceDefaults.Tests.Security;

/// <summary>
/// Dapr.AspNetCore's AddDapr registers the scheme "Dapr", which reads the <c>dapr-api-token</c>
/// header (Dapr-Api-Token in the package; header names are case-insensitive).
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
    public async Task Without_app_api_token_sidecar_endpoints_are_open()
    {
        await using var app = await StartAsync(null);
        var response = await app.GetTestClient().PostAsync("/events", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
