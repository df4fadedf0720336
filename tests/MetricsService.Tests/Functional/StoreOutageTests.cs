using System.Collections.Concurrent;
using System.Net;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>
/// Kills the store while a client streams batches, then revives it: while it is down the endpoint keeps
/// acknowledging into the write-ahead log until the applier's queue is full, then answers 503/429 with
/// Retry-After, and every sample it acknowledged with 200 ends up stored and is read back.
/// </summary>
public sealed class StoreOutageTests
{
    private const int SamplesPerRequest = 50;

    private sealed record Outcome(HttpStatusCode Status, long FirstTs, bool HasRetryAfter);

    [Fact]
    public async Task Acknowledged_samples_survive_a_store_outage_and_the_outage_answers_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        FailingStore? store = null;
        await using var factory = new MetricsFactory();
        factory.With("Metrics:Ingest:Writer:InitialRetryDelay", "00:00:00.020")
            .With("Metrics:Ingest:Writer:MaxRetryDelay", "00:00:00.100")
            .With("Metrics:Ingest:Writer:FlushInterval", "00:00:00.010")
            .With("Metrics:Ingest:Writer:Capacity", "400");
        // The failing store sits where the DuckDB store does: behind the write-ahead log and the read-your-writes wrapper.
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IMetricStore>(sp =>
            new ReadYourWritesStore(
                store = new FailingStore(new DuckDbMetricStore(sp.GetRequiredService<IOptions<MetricStoreOptions>>(), TimeProvider.System, factory.DuckDbPath)),
                sp.GetRequiredService<PendingWrites>()))));
        var client = host.CreateClient().WithToken(Permissions.MetricsWrite);
        var outcomes = new ConcurrentQueue<Outcome>();
        var t0 = Json.NowMs - 600_000;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        // Two clients streaming, each sample with its own timestamp so each can be looked up.
        var next = -1L;
        async Task StreamAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var first = t0 + (Interlocked.Increment(ref next) * SamplesPerRequest);
                var batch = Enumerable.Range(0, SamplesPerRequest)
                    .Select(i => (object)new { name = "outage_probe", value = (double)i, timestamp = first + i }).ToArray();
                var response = await client.PostAsync("/api/v1/metrics", Json.Batch(batch), CancellationToken.None);
                outcomes.Enqueue(new Outcome(response.StatusCode, first, response.Headers.RetryAfter is not null));
            }
        }

        var streams = new[] { Task.Run(StreamAsync, ct), Task.Run(StreamAsync, ct) };
        await WaitUntilAsync(() => outcomes.Count(o => o.Status == HttpStatusCode.OK) >= 5, ct);
        store!.Failing = true;
        await WaitUntilAsync(() => outcomes.Count(o => o.Status != HttpStatusCode.OK) >= 4, ct);
        store.Failing = false;
        var okBeforeRecovery = outcomes.Count(o => o.Status == HttpStatusCode.OK);
        await WaitUntilAsync(() => outcomes.Count(o => o.Status == HttpStatusCode.OK) >= okBeforeRecovery + 5, ct);
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        var refused = outcomes.Where(o => o.Status != HttpStatusCode.OK).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, o => Assert.True(o.Status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests, $"status {o.Status}"));
        Assert.All(refused, o => Assert.True(o.HasRetryAfter, "Retry-After missing"));

        // Read as the query API does: a read waits for every acknowledged sample to be applied.
        var reader = host.Services.GetRequiredService<IMetricStore>();
        var series = Assert.Single(await reader.FindSeriesAsync(SeriesSelector.ForName("outage_probe"), ct));
        var stored = (await reader.PointsAsync(StorageTier.Raw, [series.Id], t0, t0 + 10_000_000, ct)).Single().Timestamps.ToHashSet();
        var acknowledged = outcomes.Where(o => o.Status == HttpStatusCode.OK)
            .SelectMany(o => Enumerable.Range(0, SamplesPerRequest).Select(i => o.FirstTs + i)).ToList();
        Assert.True(acknowledged.Count >= 10 * SamplesPerRequest);
        Assert.All(acknowledged, ts => Assert.Contains(ts, stored));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
