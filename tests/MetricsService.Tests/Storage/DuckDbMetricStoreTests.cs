using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using Microsoft.Extensions.Options;
using StaleMarker = AirisEpm.PromQl.Model.StaleMarker;

namespace AirisEpm.MetricsService.Tests.Storage;

public sealed class DuckDbMetricStoreTests : MetricStoreConformance
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-duckdb-" + Guid.NewGuid().ToString("N"));

    protected override async Task<IMetricStore> CreateStoreAsync()
    {
        var store = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), Time, Path.Combine(_folder, "nested", "metrics.duckdb"));
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Schema_survives_a_reopen_and_keeps_the_data()
    {
        await Store.WriteAsync([Sample("up", Base, 1)], TestContext.Current.CancellationToken);
        var path = Path.Combine(_folder, "nested", "metrics.duckdb");
        ((IDisposable)Store).Dispose();

        using var reopened = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), Time, path);
        await reopened.InitializeAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["up"], await reopened.MetricNamesAsync(TestContext.Current.CancellationToken));
        await reopened.WriteAsync([Sample("up", Base + 1, 2)], TestContext.Current.CancellationToken);
        Assert.Single(await reopened.FindSeriesAsync(SeriesSelector.ForName("up"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stale_markers_keep_their_bits_through_compression_and_a_reopen()
    {
        // Enough rows for DuckDB to compress the column when the closing checkpoint writes it.
        var samples = Enumerable.Range(0, 5_000)
            .Select(i => Sample("many", Base + i, i % 7 == 0 ? StaleMarker.Value : i % 11 == 0 ? double.NaN : i * 1.5)).ToArray();
        await Store.WriteAsync(samples, TestContext.Current.CancellationToken);
        var path = Path.Combine(_folder, "nested", "metrics.duckdb");
        ((IDisposable)Store).Dispose();

        using var reopened = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), Time, path);
        await reopened.InitializeAsync(TestContext.Current.CancellationToken);
        var series = Assert.Single(await reopened.FindSeriesAsync(SeriesSelector.ForName("many"), TestContext.Current.CancellationToken));
        var points = Assert.Single(await reopened.PointsAsync(StorageTier.Raw, [series.Id], Base, Base + 5_000, TestContext.Current.CancellationToken));
        Assert.Equal(samples.Select(s => BitConverter.DoubleToUInt64Bits(s.Value)), points.Values.Select(BitConverter.DoubleToUInt64Bits));
    }

    [Fact]
    public async Task Samples_older_than_the_late_window_are_kept_raw_without_rollup()
    {
        var options = Options.Create(new MetricStoreOptions { LateSampleWindow = TimeSpan.FromHours(1) });
        using var store = new DuckDbMetricStore(options, Time, Path.Combine(_folder, "window.duckdb"));
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        var old = Time.GetUtcNow().ToUnixTimeMilliseconds() - (2 * 3_600_000);
        await store.WriteAsync([Sample("w", old, 1)], TestContext.Current.CancellationToken);

        var series = Assert.Single(await store.FindSeriesAsync(SeriesSelector.ForName("w"), TestContext.Current.CancellationToken));
        Assert.Single(await store.PointsAsync(StorageTier.Raw, [series.Id], old, old, TestContext.Current.CancellationToken));
        Assert.Empty(await store.PointsAsync(StorageTier.Minute, [series.Id], old - 60_000, old, TestContext.Current.CancellationToken));
    }
}
