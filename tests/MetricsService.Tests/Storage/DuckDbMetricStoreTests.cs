using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using Microsoft.Extensions.Options;

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
