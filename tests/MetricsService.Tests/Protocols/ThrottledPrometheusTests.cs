using System.Globalization;
using System.Text.Json;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>
/// Backpressure that a default Prometheus honours: Debian's Prometheus 2.42 scrapes itself every second and remote-writes
/// to metrics-service, whose store is slowed so that the applier's queue (300 samples here) stays full and remote_write
/// answers 503 with Retry-After. Prometheus retries 5xx (a 429 it would drop), so after the store recovers every sample
/// Prometheus holds for the slowed period is in metrics-service, and Prometheus counted retries but no failed or dropped samples.
/// </summary>
public sealed class ThrottledPrometheusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_sample_a_throttled_Prometheus_sent_is_stored()
    {
        if (!PrometheusProcess.Installed)
        {
            Assert.Skip($"{PrometheusProcess.Binary} is not installed (apt-get install -y prometheus); the real remote_write client cannot run.");
        }

        await using var factory = new ThrottledFactory();
        var address = factory.StartOnKestrel();
        var store = factory.Services.GetRequiredService<IMetricStore>();
        factory.Throttled.Delay = TimeSpan.FromMilliseconds(400);
        using var prometheus = await PrometheusProcess.StartAsync(port => $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: prometheus-self
                static_configs:
                  - targets: ['127.0.0.1:{port}']
            remote_write:
              - url: {new Uri(address, "/api/v1/write")}
                authorization:
                  credentials: {TestTokens.With(TimeSpan.FromHours(1), Permissions.MetricsWrite)}
                queue_config:
                  min_shards: 1
                  max_shards: 1
                  max_samples_per_send: 100
                  batch_send_deadline: 200ms
                  min_backoff: 50ms
                  max_backoff: 1s
            """, ct: Ct);
        using var client = new HttpClient { BaseAddress = prometheus.BaseUrl };
        try
        {
            // Slowed until Prometheus has been refused and retried for a while.
            var slowedSince = DateTime.UtcNow;
            await UntilAsync(async () => await CounterAsync(client, "prometheus_remote_storage_samples_retried_total") > 0 && DateTime.UtcNow - slowedSince > TimeSpan.FromSeconds(6), "Prometheus to retry refused samples");
            var cutoffMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            factory.Throttled.Delay = TimeSpan.Zero;

            // One shard sends in order: once an `up` sample past the cutoff is stored, everything before it is.
            var up = LabelSet.From([new Label("instance", $"127.0.0.1:{prometheus.Port}"), new("job", "prometheus-self")]).SeriesId("up");
            await UntilAsync(async () => (await store.PointsAsync(StorageTier.Raw, [up], cutoffMs + 3_000, long.MaxValue, Ct)).Count > 0, "remote_write to catch up");

            var compared = 0;
            var missing = new List<string>();
            foreach (var (name, labels, timestamps) in await PrometheusSamplesAsync(client, cutoffMs))
            {
                var id = LabelSet.From(labels).SeriesId(name);
                var stored = (await store.PointsAsync(StorageTier.Raw, [id], 0, cutoffMs, Ct)).SelectMany(p => p.Timestamps).ToHashSet();
                missing.AddRange(timestamps.Where(ts => !stored.Contains(ts)).Select(ts => $"{name}@{ts}"));
                compared += timestamps.Count;
            }

            Assert.True(compared > 200, $"only {compared} samples to compare");
            Assert.True(missing.Count == 0, $"{missing.Count} of {compared} samples Prometheus holds are not stored, e.g. {string.Join(", ", missing.Take(5))}");
            Assert.True(factory.Throttled.Writes > 0);
            Assert.Equal(0, await CounterAsync(client, "prometheus_remote_storage_samples_failed_total"));
            Assert.Equal(0, await CounterAsync(client, "prometheus_remote_storage_samples_dropped_total"));
        }
        catch (Exception e) when (e is not Xunit.Sdk.SkipException)
        {
            throw new InvalidOperationException(e.Message + "\nprometheus output:\n" + prometheus.Output, e);
        }
    }

    /// <summary>Every raw sample of the self-scrape job up to the cutoff, as Prometheus's own TSDB holds it.</summary>
    private static async Task<List<(string Name, Dictionary<string, string> Labels, List<long> Timestamps)>> PrometheusSamplesAsync(HttpClient client, long cutoffMs)
    {
        var time = (cutoffMs / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/query?query=%7Bjob%3D%22prometheus-self%22%7D%5B10m%5D&time={time}", Ct));
        var series = new List<(string, Dictionary<string, string>, List<long>)>();
        foreach (var result in json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = result.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var name = labels["__name__"];
            labels.Remove("__name__");
            var timestamps = result.GetProperty("values").EnumerateArray()
                .Select(v => (long)Math.Round(v[0].GetDouble() * 1000)).Where(ts => ts <= cutoffMs).ToList();
            series.Add((name, labels, timestamps));
        }

        return series;
    }

    /// <summary>The sum over every series of a counter in Prometheus's own /metrics.</summary>
    private static async Task<double> CounterAsync(HttpClient client, string name)
    {
        var text = await client.GetStringAsync("/metrics", Ct);
        return text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is '{' or ' '))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(90); !await condition(); await Task.Delay(250, Ct))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
        }
    }

    /// <summary>
    /// metrics-service on its own DuckDB file with the store slowed behind the write-ahead log, and a small applier
    /// queue so the slowing shows at once: 300 samples, refused after 100 ms without room.
    /// </summary>
    private sealed class ThrottledFactory : ServiceFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-throttled-" + Guid.NewGuid().ToString("N"));

        public ThrottledFactory()
        {
            With("Metrics:Store:DuckDbPath", Path.Combine(_folder, "metrics.duckdb"));
            With("Metrics:Ingest:Writer:Capacity", "300");
            With("Metrics:Ingest:Writer:MaxBatchSize", "300");
            With("Metrics:Ingest:Writer:FlushInterval", "00:00:00.050");
            With("Metrics:Ingest:Wal:AdmissionWait", "00:00:00.100");
        }

        public ThrottledStore Throttled { get; private set; } = null!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IMetricStore>(sp => new ReadYourWritesStore(
                Throttled = new ThrottledStore(new DuckDbMetricStore(sp.GetRequiredService<IOptions<MetricStoreOptions>>(), TimeProvider.System, Path.Combine(_folder, "metrics.duckdb"))),
                sp.GetRequiredService<PendingWrites>())));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
    }
}
