using System.Net;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>The engine's limits as the API answers them: too many samples is 422 <c>execution</c>, before they are loaded.</summary>
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
}
