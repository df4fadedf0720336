using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.MetricsService.Tests.Storage;

public sealed class RetentionServiceTests : IDisposable
{
    private const long Day = 86_400_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-retention-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Each_tier_is_cut_at_its_own_retention_as_the_clock_advances()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = Options.Create(new MetricStoreOptions { RawRetention = TimeSpan.FromDays(2), MinuteRetention = TimeSpan.FromDays(5), HourRetention = TimeSpan.FromDays(10) });
        using var store = new DuckDbMetricStore(options, time, Path.Combine(_folder, "m.duckdb"));
        await store.InitializeAsync(ct);
        var t0 = time.GetUtcNow().ToUnixTimeMilliseconds();
        await store.WriteAsync([new MetricSample("up", LabelSet.Empty, t0, 1)], ct);
        var id = LabelSet.Empty.SeriesId("up");
        var retention = new RetentionService(store, options, time, NullLogger<RetentionService>.Instance);

        async Task<(int Raw, int Minute, int Hour)> CountsAsync() => (
            (await store.PointsAsync(StorageTier.Raw, [id], t0, t0, ct)).Count,
            (await store.PointsAsync(StorageTier.Minute, [id], t0, t0, ct)).Count,
            (await store.PointsAsync(StorageTier.Hour, [id], t0, t0, ct)).Count);

        time.Advance(TimeSpan.FromDays(1));
        await retention.EnforceAsync(ct);
        Assert.Equal((1, 1, 1), await CountsAsync());

        time.Advance(TimeSpan.FromDays(2));
        await retention.EnforceAsync(ct);
        Assert.Equal((0, 1, 1), await CountsAsync());

        time.Advance(TimeSpan.FromDays(3));
        await retention.EnforceAsync(ct);
        Assert.Equal((0, 0, 1), await CountsAsync());

        time.Advance(TimeSpan.FromDays(5));
        var deleted = await retention.EnforceAsync(ct);
        Assert.Equal((0, 0, 0), await CountsAsync());
        Assert.Equal(1, deleted[StorageTier.Hour]);
        Assert.True(t0 + (11 * Day) <= time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
