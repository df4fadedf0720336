using System.Net;
using System.Net.Http.Headers;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.ServiceDefaults.Tests.Http;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task A_client_over_its_burst_gets_429_problem_with_retry_after_while_another_client_is_served()
    {
        await using var app = await TestApp.StartAsync(
            app => app.MapGet("/ping", () => "pong"),
            new Dictionary<string, string?> { ["Http:PermitsPerSecond"] = "1", ["Http:Burst"] = "2" });
        var alice = Client(app, "alice");
        var bob = Client(app, "bob");
        var ct = TestContext.Current.CancellationToken;

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await alice.GetAsync("/ping", ct);
            statuses.Add(response.StatusCode);
            rejected = response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", rejected!.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(rejected.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/ping", ct)).StatusCode);
    }

    private static HttpClient Client(Microsoft.AspNetCore.Builder.WebApplication app, string subject)
    {
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApp.Token(subject));
        return client;
    }
}
