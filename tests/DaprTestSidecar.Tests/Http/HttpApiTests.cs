using System.Net;
using System.Net.Http.Json;
using System.Text;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.DaprTestSidecar.Tests.Http;

/// <summary>The sidecar's HTTP API, as curl or another SDK would use it.</summary>
public sealed class HttpApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_over_http_returns_the_etag_and_refuses_a_stale_one()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var sidecar = await env.Mesh.StartSidecarAsync(AppIds.AlertService);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var saved = await http.PostAsJsonAsync("/v1.0/state/statestore", new[] { new { key = "k", value = new { n = 1 } } }, Ct);
        using var read = await http.GetAsync("/v1.0/state/statestore/k", Ct);
        var etag = read.Headers.ETag?.Tag ?? read.Headers.GetValues("ETag").Single();
        using var stale = await http.PostAsJsonAsync("/v1.0/state/statestore", new[] { new { key = "k", value = 2, etag = etag + "9" } }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("{\"n\":1}", await read.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ERR_STATE_SAVE", await stale.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Publish_over_http_honours_metadata_query_parameters()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var (subscriber, _) = await RecordingSubscriber.StartAsync(env, AppIds.AlertService,
            """[{"pubsubname":"pubsub","topic":"t.http","route":"/in"}]""", (_, _) => Microsoft.AspNetCore.Http.Results.Ok());
        var publisher = await env.Mesh.StartSidecarAsync(AppIds.MetricsService);
        using var http = new HttpClient { BaseAddress = publisher.HttpEndpoint };

        using var body = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/v1.0/publish/pubsub/t.http?metadata.cloudevent.id=http-1", body, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var envelope = await Eventually.ValueAsync(() => subscriber.At("/in") is [var first, ..] ? first : null, what: "the delivery");
        Assert.Equal("http-1", (string?)envelope["id"]);
        Assert.Equal(1, (int?)envelope["data"]?["a"]);
    }

    [Fact]
    public async Task Publishing_over_http_to_an_undeclared_pubsub_answers_err_pubsub_not_found()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var publisher = await env.Mesh.StartSidecarAsync(AppIds.MetricsService);
        using var http = new HttpClient { BaseAddress = publisher.HttpEndpoint };

        using var response = await http.PostAsync("/v1.0/publish/nope/t", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ERR_PUBSUB_NOT_FOUND", await response.Content.ReadAsStringAsync(Ct));
    }
}
