using System.Net;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>
/// The engine's limits as the API answers them: too many samples held at once is 422 <c>execution</c>, before they
/// are loaded; samples read over a range query's whole span are not held at once (Prometheus's <c>--query.max-samples</c>).
/// </summary>
public sealed class PromQueryLimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_over_the_sample_limit_is_422_execution()
    {
        await using var factory = new MetricsFactory();
        factory.With("Metrics:PromQl:MaxSamples", "5");
        using var writer = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        using var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);
        var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 600_000;
        var samples = Enumerable.Range(0, 10).Select(i => (object)new { name = "busy", value = i, timestamp = t0 + (i * 1000) }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync("/api/v1/metrics", Json.Batch(samples), Ct)).StatusCode);
        var at = ((t0 / 1000) + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var small = await reader.GetAsync($"/api/v1/query?query=count_over_time(busy%5B3s%5D)&time={at}", Ct);
        using var large = await reader.GetAsync($"/api/v1/query?query=count_over_time(busy%5B1m%5D)&time={at}", Ct);

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, large.StatusCode);
        Assert.Equal(
            """{"status":"error","errorType":"execution","error":"query processing would load too many samples into memory in query execution"}""",
            await large.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_range_query_reading_more_samples_than_the_limit_answers_when_no_step_holds_that_many()
    {
        // The dashboard shape scaled down: 20 series every 15 s for 2 hours (9,620 samples), sum(rate(x[1m])) at a 1-minute
        // step. Prometheus holds rate's output (20 series x 121 steps) and a window at a time, 2,444 points: under 3,000,
        // while a read of the whole span is 9,620 samples. count_over_time over the 2 hours at one step holds all 9,620.
        await using var factory = new MetricsFactory();
        factory.With("Metrics:PromQl:MaxSamples", "3000");
        using var writer = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        using var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);
        var t0 = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000) - 180) * 60_000;
        var samples = Enumerable.Range(0, 20).SelectMany(s => Enumerable.Range(0, 481).Select(i =>
            (object)new { name = "requests_total", labels = new { pod = $"p{s}" }, value = i, timestamp = t0 + (i * 15_000L) })).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync("/api/v1/metrics", Json.Batch(samples), Ct)).StatusCode);
        var (start, end) = (t0 / 1000, (t0 / 1000) + 7200);

        using var range = await reader.GetAsync($"/api/v1/query_range?query=sum(rate(requests_total%5B1m%5D))&start={start}&end={end}&step=60", Ct);
        using var held = await reader.GetAsync($"/api/v1/query?query=count_over_time(requests_total%5B3h%5D)&time={end}", Ct);

        Assert.Equal(HttpStatusCode.OK, range.StatusCode);
        using var answer = System.Text.Json.JsonDocument.Parse(await range.Content.ReadAsStringAsync(Ct));
        var values = answer.RootElement.GetProperty("data").GetProperty("result")[0].GetProperty("values").EnumerateArray().ToList();
        // No sample before t0, so rate has its two samples from the first step after it: 120 steps, each 20 series x 1/15 per second.
        Assert.Equal(120, values.Count);
        Assert.Equal(start + 60, values[0][0].GetDouble());
        Assert.All(values, v => Assert.Equal(20.0 / 15, double.Parse(v[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture), 9));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, held.StatusCode);
        Assert.Equal(
            """{"status":"error","errorType":"execution","error":"query processing would load too many samples into memory in query execution"}""",
            await held.Content.ReadAsStringAsync(Ct));
    }
}
