using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>
/// A query over every series of a name into one group reads the per-name rollups; whatever the write path
/// (new samples, late ones, overwrites, compaction, restart) it must answer as aggregating the raw samples does.
/// </summary>
public sealed class DuckDbNameRollupTests : IDisposable
{
    private static readonly long Base = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000) - (3 * 3_600_000);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-duckdb-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<DuckDbMetricStore> OpenAsync()
    {
        var store = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), _time, Path.Combine(_folder, "m.duckdb"));
        await store.InitializeAsync(Ct);
        return store;
    }

    private static MetricSample S(string name, string instance, long offset, double value) =>
        new(name, LabelSet.From([new Label("instance", instance)]), Base + offset, value);

    /// <summary>Each rollup tier's answer for the whole name equals the raw tier's at the same buckets.</summary>
    private static async Task AssertMatchesRawAsync(DuckDbMetricStore store, string name)
    {
        var groups = (await store.FindSeriesAsync(SeriesSelector.ForName(name), Ct)).ToDictionary(s => s.Id, _ => 0);
        foreach (var (tier, step, buckets) in new[] { (StorageTier.Minute, 60_000L, 130L), (StorageTier.Hour, 3_600_000L, 3L) })
        {
            var expected = await store.AggregateAsync(new AggregateQuery(StorageTier.Raw, groups, Base, step, buckets), Ct);
            var actual = await store.AggregateAsync(new AggregateQuery(tier, groups, Base, step, buckets), Ct);
            Assert.NotEmpty(actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task New_late_and_overwritten_samples_compaction_and_a_restart_keep_the_name_rollups_exact()
    {
        using (var store = await OpenAsync())
        {
            await store.WriteAsync([S("n", "a", 0, 1), S("n", "b", 1_000, 5), S("n", "c", 2_000, 3), S("m", "a", 0, 100)], Ct);
            await store.WriteAsync([S("n", "a", 60_000, 2), S("n", "b", 61_000, 8), S("n", "c", 3_700_000, 4)], Ct);
            await AssertMatchesRawAsync(store, "n");

            await store.WriteAsync([S("n", "a", 30_000, -4), S("n", "d", 20_000, 9)], Ct);
            await AssertMatchesRawAsync(store, "n");

            await store.CompactRollupsAsync(Ct);
            await store.WriteAsync([S("n", "b", 1_000, 50), S("n", "c", 3_700_000, -1), S("n", "a", 3_800_000, 6)], Ct);
            await AssertMatchesRawAsync(store, "n");
            await AssertMatchesRawAsync(store, "m");
        }

        using var reopened = await OpenAsync();
        await reopened.WriteAsync([S("n", "a", 0, 7), S("n", "e", 7_000_000, 1)], Ct);
        await AssertMatchesRawAsync(reopened, "n");
        await AssertMatchesRawAsync(reopened, "m");
    }

    [Fact]
    public async Task A_subset_of_a_names_series_or_several_groups_use_the_series_rows()
    {
        using var store = await OpenAsync();
        await store.WriteAsync([S("n", "a", 0, 1), S("n", "b", 1_000, 5), S("n", "c", 2_000, 3)], Ct);
        var series = await store.FindSeriesAsync(SeriesSelector.ForName("n"), Ct);

        var two = series.Where(s => s.Labels["instance"] != "c").ToDictionary(s => s.Id, _ => 0);
        var row = Assert.Single(await store.AggregateAsync(new AggregateQuery(StorageTier.Minute, two, Base, 60_000, 1), Ct));
        Assert.Equal(new AggregateRow(0, 0, 1, 5, 6, 2, 5, Base + 1_000), row);

        var split = series.ToDictionary(s => s.Id, s => s.Labels["instance"] == "c" ? 1 : 0);
        var rows = await store.AggregateAsync(new AggregateQuery(StorageTier.Minute, split, Base, 60_000, 1), Ct);
        Assert.Equal([new AggregateRow(0, 0, 1, 5, 6, 2, 5, Base + 1_000), new AggregateRow(1, 0, 3, 3, 3, 1, 3, Base + 2_000)], rows);
    }
}
