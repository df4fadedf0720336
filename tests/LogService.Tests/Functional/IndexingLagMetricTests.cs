using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Functional;

public sealed class IndexingLagMetricTests
{
    [Fact]
    public async Task The_records_acknowledged_and_not_yet_indexed_are_on_metrics_until_indexed()
    {
        // The apply loop waits ten minutes unless a read or a commit wakes it, so the records stay unindexed until the search.
        await using var factory = new LogServiceFactory().With("Logs:Store:ApplyInterval", "00:10:00");
        var body = string.Join('\n', Enumerable.Range(0, 3).Select(i => $$"""{"message":"lag check {{i}}","service":"api"}"""));
        var posted = await factory.CreateClient().WithToken(Permissions.LogsWrite)
            .PostAsync("/api/v1/logs", new StringContent(body, Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var metrics = factory.CreateClient().WithToken(Permissions.MetricsRead);

        // Polled: the Prometheus exporter may answer from its short scrape cache.
        await Eventually.TrueAsync(() => Unindexed(metrics) == "3", what: "airis_logs_store_unindexed to read 3");
        var search = await factory.CreateClient().WithToken(Permissions.LogsRead).GetAsync("/api/v1/logs/search?q=lag", Ct);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        await Eventually.TrueAsync(() => Unindexed(metrics) == "0", what: "airis_logs_store_unindexed to read 0 once a search had the records indexed");
    }

    private static string? Unindexed(HttpClient metrics)
    {
        var text = metrics.GetStringAsync("/metrics", Ct).GetAwaiter().GetResult();
        var sample = Regex.Match(text, @"(?m)^airis_logs_store_unindexed(?:\{[^}]*\})?\s+(\S+)\s*$");
        return sample.Success ? sample.Groups[1].Value : null;
    }
}
