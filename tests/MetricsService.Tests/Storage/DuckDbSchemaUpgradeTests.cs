using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>A file written under schema v3 (samples with a primary key, one complete rollup row per bucket) still reads after the upgrade.</summary>
public sealed class DuckDbSchemaUpgradeTests : IDisposable
{
    private static readonly long Base = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000) - (3 * 3_600_000);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-duckdb-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Data_of_schema_v3_reads_and_takes_overwrites_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "v3.duckdb");
        var labels = LabelSet.From([new Label("job", "api")]);
        var id = labels.SeriesId("old");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            DuckDbSchema.Migrate(connection, upTo: 3);
            using var command = connection.CreateCommand();
            command.CommandText = $$"""
                INSERT INTO series VALUES ({{id}}, 'old', '{"job":"api"}', 'gauge');
                INSERT INTO series_labels VALUES ({{id}}, 'job', 'api');
                INSERT INTO samples VALUES ({{id}}, {{Base}}, 1), ({{id}}, {{Base + 30_000}}, 5);
                INSERT INTO rollup_1m VALUES ({{id}}, {{Base}}, 1, 5, 6, 2, 5, {{Base + 30_000}});
                INSERT INTO rollup_1h VALUES ({{id}}, {{Base}}, 1, 5, 6, 2, 5, {{Base + 30_000}});
                """;
            command.ExecuteNonQuery();
        }

        using var store = new DuckDbMetricStore(Options.Create(new MetricStoreOptions()), new FakeTimeProvider(DateTimeOffset.UtcNow), path);
        await store.InitializeAsync(ct);
        var series = Assert.Single(await store.FindSeriesAsync(SeriesSelector.ForName("old"), ct));
        Assert.Equal((id, "api"), (series.Id, series.Labels["job"]));

        var groups = new Dictionary<long, int> { [id] = 0 };
        var backfilled = await store.AggregateAsync(new AggregateQuery(StorageTier.Hour, groups, Base, 3_600_000, 1), ct);
        Assert.Equal([new AggregateRow(0, 0, 1, 5, 6, 2, 5, Base + 30_000)], backfilled);

        await store.WriteAsync([new MetricSample("old", labels, Base + 30_000, 3), new MetricSample("old", labels, Base + 40_000, 4)], ct);

        var minute = Assert.Single(await store.AggregateAsync(new AggregateQuery(StorageTier.Minute, groups, Base, 60_000, 1), ct));
        Assert.Equal(new AggregateRow(0, 0, 1, 4, 8, 3, 4, Base + 40_000), minute);
        var hour = Assert.Single(await store.AggregateAsync(new AggregateQuery(StorageTier.Hour, groups, Base, 3_600_000, 1), ct));
        Assert.Equal(new AggregateRow(0, 0, 1, 4, 8, 3, 4, Base + 40_000), hour);
        var raw = Assert.Single(await store.PointsAsync(StorageTier.Raw, [id], Base, Base + 60_000, ct));
        Assert.Equal([1d, 3, 4], raw.Values);
    }
}
