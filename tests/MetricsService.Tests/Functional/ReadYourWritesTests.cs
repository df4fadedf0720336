using System.Net;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>
/// A sample answered 2xx is queryable right after the answer, although it reaches the store behind the write-ahead
/// log: here the applier would wait ten minutes to flush on its own, so only the read's request makes it do so.
/// </summary>
public sealed class ReadYourWritesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_acknowledged_sample_is_in_the_very_next_query_names_and_label_values()
    {
        await using var factory = new MetricsFactory();
        factory.With("Metrics:Ingest:Writer:FlushInterval", "00:10:00");
        var writer = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);
        var ts = Json.NowMs - 60_000;
        var store = factory.Services.GetRequiredService<IMetricStore>();

        for (var round = 0; round < 3; round++)
        {
            var name = $"ryw_probe_{round}";
            var ingest = await writer.PostAsync("/api/v1/metrics",
                Json.Batch(new { name, value = 41.5 + round, timestamp = ts + round, labels = new Dictionary<string, string> { ["job"] = $"job{round}" } }), Ct);
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);

            var query = await reader.GetAsync($"/api/v1/metrics/query_range?name={name}&start={(ts / 1000) - 60}&end={(ts / 1000) + 60}&step=1&tier=raw", Ct);
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
            var series = Assert.Single((await query.ReadAsync()).GetProperty("series").EnumerateArray().ToList());
            Assert.Equal(41.5 + round, series.GetProperty("points").EnumerateArray().Last().GetProperty("v").GetDouble());

            Assert.Contains(name, (await (await reader.GetAsync("/api/v1/metrics/names", Ct)).ReadAsync()).GetProperty("data").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains($"job{round}", (await (await reader.GetAsync("/api/v1/metrics/labels/job/values", Ct)).ReadAsync()).GetProperty("data").EnumerateArray().Select(e => e.GetString()));
        }

        // And straight from the store every reader is given, remote_write-style (no HTTP in between).
        var probe = Assert.Single(await store.FindSeriesAsync(SeriesSelector.ForName("ryw_probe_2"), Ct));
        Assert.Equal([ts + 2], (await store.PointsAsync(StorageTier.Raw, [probe.Id], ts - 10, ts + 10, Ct)).Single().Timestamps);
        Assert.Equal(LabelSet.From([new Label("job", "job2")]), probe.Labels);
    }
}
