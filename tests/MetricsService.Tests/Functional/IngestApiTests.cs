using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.MetricsService.Tests.Functional;

public sealed class IngestApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MetricsFactory Factory, HttpClient Writer, HttpClient Reader)> StartAsync(Func<MetricsFactory, MetricsFactory>? configure = null)
    {
        var factory = new MetricsFactory();
        configure?.Invoke(factory);
        var writer = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);
        await Task.CompletedTask;
        return (factory, writer, reader);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.ReadAsync();
        return json.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task A_good_batch_is_stored_with_NaN_infinities_unicode_and_both_time_formats()
    {
        var (factory, writer, reader) = await StartAsync();
        await using var _ = factory;
        var now = Json.NowMs - 60_000;
        var rfc3339 = DateTimeOffset.FromUnixTimeMilliseconds(now + 1000).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", System.Globalization.CultureInfo.InvariantCulture);
        var body = $$"""
            {"metrics":[
              {"name":"temp_celsius","value":21.5,"timestamp":{{now}},"labels":{"room":"küche ☕","job":"sensors"},"type":"gauge"},
              {"name":"temp_celsius","value":"NaN","timestamp":"{{rfc3339}}","labels":{"room":"küche ☕","job":"sensors"} },
              {"name":"temp_celsius","value":"+Inf","timestamp":{{now + 2000}},"labels":{"room":"küche ☕","job":"sensors"} },
              {"name":"temp_celsius","value":"-Inf","timestamp":{{now + 3000}},"labels":{"room":"küche ☕","job":"sensors"} },
              {"name":"requests_total","value":7,"timestamp":{{now}},"type":"counter"}
            ]}
            """;

        var response = await writer.PostAsync("/api/v1/metrics", Json.Body(body), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.ReadAsync()).GetProperty("accepted").GetInt32());
        var start = (now / 1000) - 1;
        var query = await reader.GetAsync($"/api/v1/metrics/query_range?name=temp_celsius&start={start}&end={start + 10}&step=1&agg=last", Ct);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        var result = await query.ReadAsync();
        Assert.Equal("raw", result.GetProperty("tier").GetString());
        var series = Assert.Single(result.GetProperty("series").EnumerateArray().ToList());
        Assert.Equal("küche ☕", series.GetProperty("labels").GetProperty("room").GetString());
        var values = series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").ToString()).ToList();
        Assert.Equal(["21.5", "NaN", "Infinity", "-Infinity"], values);
    }

    [Fact]
    public async Task A_sample_without_a_timestamp_takes_the_time_it_was_received()
    {
        var (factory, writer, _) = await StartAsync();
        await using var __ = factory;
        var before = Json.NowMs;

        var response = await writer.PostAsync("/api/v1/metrics", Json.Body("""{"metrics":[{"name":"x","value":1}]}"""), Ct);
        var nulled = await writer.PostAsync("/api/v1/metrics", Json.Body("""{"metrics":[{"name":"y","value":2,"timestamp":null}]}"""), Ct);

        var after = Json.NowMs;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nulled.StatusCode);
        var store = factory.Services.GetRequiredService<IMetricStore>();
        foreach (var (name, value) in new[] { ("x", 1d), ("y", 2d) })
        {
            var series = Assert.Single(await store.FindSeriesAsync(SeriesSelector.ForName(name), Ct));
            var points = Assert.Single(await store.PointsAsync(StorageTier.Raw, [series.Id], before - 60_000, after + 60_000, Ct));
            Assert.Equal(value, Assert.Single(points.Values));
            Assert.InRange(Assert.Single(points.Timestamps), before, after);
        }
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var (factory, writer, _) = await StartAsync();
        await using var __ = factory;

        var response = await writer.PostAsync("/api/v1/metrics", Json.Body("{\"metrics\":[{\"name\":\"up\","), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        var (factory, writer, _) = await StartAsync();
        await using var __ = factory;

        var response = await writer.PostAsync("/api/v1/metrics", new StringContent("{\"metrics\":[]}", Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversized_body_is_413_even_without_content_length()
    {
        var (factory, writer, _) = await StartAsync(f => (MetricsFactory)f.With("Metrics:Ingest:MaxBodyBytes", "4096"));
        await using var __ = factory;
        var big = "{\"metrics\":[" + string.Join(',', Enumerable.Repeat($"{{\"name\":\"up\",\"value\":1,\"timestamp\":{Json.NowMs}}}", 200)) + "]}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await writer.PostAsync("/api/v1/metrics", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Every_bad_item_is_named_by_index_and_field_and_nothing_is_stored()
    {
        var (factory, writer, reader) = await StartAsync();
        await using var __ = factory;
        var now = Json.NowMs;
        var longValue = new string('x', 2049);
        var body = $$"""
            {"metrics":[
              {"name":"good_one","value":1,"timestamp":{{now}}},
              {"name":"1bad-name","value":1,"timestamp":{{now}}},
              {"name":"up","value":"abc","timestamp":{{now}},"labels":{"__reserved":"x","job":"{{longValue}}","bad-label":"x"} },
              {"name":"up","value":1,"timestamp":{{now + 3_600_000}}},
              {"name":"up","value":1,"timestamp":{{now - 100L * 86_400_000}}},
              {"name":"up","value":1,"timestamp":"yesterday","type":"summary"},
              {"name":"up","timestamp":{{now}}}
            ]}
            """;

        var errors = await ErrorsAsync(await writer.PostAsync("/api/v1/metrics", Json.Body(body), Ct));

        Assert.Equal(
            ["metrics[1].name", "metrics[2].labels.__reserved", "metrics[2].labels.bad-label", "metrics[2].labels.job", "metrics[2].value",
             "metrics[3].timestamp", "metrics[4].timestamp", "metrics[5].timestamp", "metrics[5].type", "metrics[6].value"],
            errors.Keys.Order(StringComparer.Ordinal));
        var names = await (await reader.GetAsync("/api/v1/metrics/names", Ct)).ReadAsync();
        Assert.Empty(names.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Huge_label_sets_are_refused()
    {
        var (factory, writer, _) = await StartAsync();
        await using var __ = factory;
        var labels = Enumerable.Range(0, 31).ToDictionary(i => $"l{i}", i => "v");

        var errors = await ErrorsAsync(await writer.PostAsync("/api/v1/metrics", Json.Batch(new { name = "up", value = 1, timestamp = Json.NowMs, labels }), Ct));

        Assert.Contains("limit is 30", Assert.Single(errors["metrics[0].labels"]));
    }

    [Fact]
    public async Task Batches_over_the_sample_limit_or_empty_are_refused()
    {
        var (factory, writer, _) = await StartAsync(f => (MetricsFactory)f.With("Metrics:Ingest:MaxSamplesPerRequest", "2"));
        await using var __ = factory;
        var sample = new { name = "up", value = 1, timestamp = Json.NowMs };

        var tooMany = await ErrorsAsync(await writer.PostAsync("/api/v1/metrics", Json.Batch(sample, sample, sample), Ct));
        var empty = await ErrorsAsync(await writer.PostAsync("/api/v1/metrics", Json.Body("{\"metrics\":[]}"), Ct));
        var missing = await ErrorsAsync(await writer.PostAsync("/api/v1/metrics", Json.Body("{}"), Ct));

        Assert.Contains("limit is 2", tooMany["metrics"][0]);
        Assert.Contains("metrics", empty.Keys);
        Assert.Contains("metrics", missing.Keys);
    }

    [Fact]
    public async Task Writing_needs_the_write_permission()
    {
        await using var factory = new MetricsFactory();
        var body = Json.Batch(new { name = "up", value = 1, timestamp = Json.NowMs });

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/v1/metrics", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient().WithToken(Permissions.MetricsRead).PostAsync("/api/v1/metrics", body, Ct)).StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_store()
    {
        await using var factory = new MetricsFactory();
        var health = await (await factory.CreateClient().WithToken(Permissions.MetricsRead).GetAsync("/health", Ct)).ReadAsync();

        var store = health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "metric-store");
        Assert.Equal("Healthy", store.GetProperty("status").GetString());
        Assert.True(File.Exists(factory.DuckDbPath));
    }
}
