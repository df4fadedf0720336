using System.Net;
using System.Net.Http.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>With the engine in its actor and no sidecar to reach it, clients are told to retry, not handed a 500.</summary>
public sealed class EngineUnavailableTests
{
    [Fact]
    public async Task Posting_alerts_while_the_engine_actor_is_unreachable_is_a_503_with_retry_after()
    {
        await using var factory = new ServiceFactory<Program>();
        var client = factory.CreateClient().WithToken(Permissions.AlertsWrite, Permissions.AlertsRead);

        var posted = await client.PostAsJsonAsync("/api/v2/alerts",
            new[] { new { labels = new Dictionary<string, string> { ["alertname"] = "X" } } }, TestContext.Current.CancellationToken);
        var listed = await client.GetAsync("/api/v2/alerts", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (posted.StatusCode, listed.StatusCode));
        Assert.Equal("5", posted.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("alert engine", await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
