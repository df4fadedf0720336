using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>Rule ETags through the sidecar's state store (the functional tests use an in-memory repository).</summary>
public sealed class RuleConcurrencyTests(MetricRuleFixture fixture) : IClassFixture<MetricRuleFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Rule(string agg) => new
    {
        name = "E2eEtag",
        severity = "info",
        evaluationInterval = "1m",
        condition = new { metric = new { metric = "e2e_etag", agg, window = "1m", op = ">", threshold = 1 } },
    };

    [Fact]
    public async Task Update_and_delete_honour_if_match_against_the_state_store()
    {
        using var client = fixture.Alerts.CreateClient().WithToken(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var created = await client.PostAsJsonAsync("/api/v1/rules", Rule("avg"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var first = created.Headers.ETag!;

        using var updated = await SendAsync(client, HttpMethod.Put, $"/api/v1/rules/{id}", Rule("last"), first);
        using var stalePut = await SendAsync(client, HttpMethod.Put, $"/api/v1/rules/{id}", Rule("max"), first);
        using var staleDelete = await SendAsync(client, HttpMethod.Delete, $"/api/v1/rules/{id}", null, first);
        using var fetched = await client.GetAsync($"/api/v1/rules/{id}", Ct);
        using var deleted = await SendAsync(client, HttpMethod.Delete, $"/api/v1/rules/{id}", null, updated.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(first, updated.Headers.ETag);
        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed), (stalePut.StatusCode, staleDelete.StatusCode));
        Assert.Equal(updated.Headers.ETag, fetched.Headers.ETag);
        Assert.True((await fetched.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("streaming").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/rules/{id}", Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.IfMatch.Add(ifMatch);
        return await client.SendAsync(request, Ct);
    }
}
