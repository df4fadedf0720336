using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using AirisEpm.MetricsService.Domain;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.ADO.Parameters;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// The production store on ClickHouse, over HTTP with RowBinary bulk inserts. Selection happens in SQL
/// (<see cref="MetricQueries"/>): matchers on the series table, series ids and time bounds on the primary key of
/// samples and rollups. A write inserts its new series, then its samples, then recomputes the rollup buckets it
/// touched (<see cref="RollupRefresh"/>), so an overwritten sample counts once, with its latest value, on every tier.
/// Several replicas may write at once: nothing here assumes a single writer.
/// </summary>
public sealed class ClickHouseMetricStore : IMetricStore, IDisposable
{
    private static readonly string[] SampleColumns = ["series_id", "ts", "value"];
    private static readonly string[] SeriesColumns = ["id", "name", "labels", "type"];
    private readonly ClickHouseClient _client;
    private readonly MetricStoreOptions _options;
    private readonly TimeProvider _time;

    // Series this process has inserted; a restart inserts each again once, which the series table's replacing key absorbs.
    private readonly ConcurrentDictionary<long, byte> _knownSeries = new();

    public ClickHouseMetricStore(IOptions<MetricStoreOptions> options)
        : this(options, TimeProvider.System)
    {
    }

    public ClickHouseMetricStore(IOptions<MetricStoreOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;

        // Parameters go in the request body: a query over thousands of series ids would overflow a URI.
        _client = new ClickHouseClient(new ClickHouseClientSettings(_options.ClickHouseConnectionString) { UseFormDataParameters = true });
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _client.ExecuteNonQueryAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, description String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = MergeTree ORDER BY version
            """, cancellationToken: cancellationToken);
        var applied = Convert.ToInt64(await _client.ExecuteScalarAsync("SELECT max(version) FROM schema_migrations", cancellationToken: cancellationToken), CultureInfo.InvariantCulture);
        foreach (var migration in ClickHouseSchema.Migrations(_options).Where(m => m.Version > applied))
        {
            foreach (var step in migration.Steps)
            {
                if (step.OnlyIfTableExists is { } table && !await TableExistsAsync(table, cancellationToken))
                {
                    continue;
                }

                await _client.ExecuteNonQueryAsync(step.Sql, cancellationToken: cancellationToken);
            }

            await _client.InsertBinaryAsync("schema_migrations", ["version", "description"], [new object[] { (uint)migration.Version, migration.Description }], cancellationToken: cancellationToken);
        }
    }

    public async Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var batch = ClickHouseBatch.From(samples, _knownSeries.ContainsKey);

        // Series first: a sample is never visible without its series.
        if (batch.NewSeries.Count > 0)
        {
            await _client.InsertBinaryAsync("series", SeriesColumns, batch.SeriesRows(), cancellationToken: cancellationToken);
        }

        await _client.InsertBinaryAsync(ClickHouseSchema.Samples, SampleColumns, batch.SampleRows(), cancellationToken: cancellationToken);

        // If a refresh fails the write fails and the batching writer retries it whole: the samples insert again
        // onto themselves (same keys) and the refresh runs again.
        var oldest = _time.GetUtcNow().ToUnixTimeMilliseconds() - (long)_options.LateSampleWindow.TotalMilliseconds;
        if (RollupKeys.Of(batch.Latest.Keys, StorageTier.Minute.BucketMs(), oldest) is { } minutes)
        {
            // The hour keys exist whenever minute keys do: the same samples pass the same late-window filter.
            await ExecuteAsync(RollupRefresh.Minute(minutes), cancellationToken);
            await ExecuteAsync(RollupRefresh.Hour(RollupKeys.Of(batch.Latest.Keys, StorageTier.Hour.BucketMs(), oldest)!), cancellationToken);
        }

        foreach (var series in batch.NewSeries)
        {
            _knownSeries.TryAdd(series.SeriesId, 0);
        }
    }

    public async Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken)
    {
        var result = new List<StoredSeries>();
        await ReadAsync(MetricQueries.FindSeries(selector), reader =>
        {
            var keys = (string[])reader.GetValue(2);
            var values = (string[])reader.GetValue(3);
            var labels = LabelSet.FromUnsorted([.. keys.Zip(values, (k, v) => new Label(k, v))]);
            result.Add(new StoredSeries(Long(reader, 0), reader.GetString(1), labels));
        }, cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        if (query.SeriesGroups.Count == 0)
        {
            return [];
        }

        var rows = new List<AggregateRow>();
        await ReadAsync(MetricQueries.Aggregate(query), r => rows.Add(new AggregateRow(
            Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Long(r, 1), Double(r, 2), Double(r, 3),
            Double(r, 4), Long(r, 5), Double(r, 6), Long(r, 7))), cancellationToken);
        return rows;
    }

    public Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken) =>
        PointsAsync(tier, seriesIds, startMs, endMs, long.MaxValue, cancellationToken);

    /// <summary>The rows in time order per series; one row past <paramref name="maxSamples"/> ends the read (a LIMIT one above it).</summary>
    public async Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long maxSamples, CancellationToken cancellationToken)
    {
        if (seriesIds.Count == 0)
        {
            return [];
        }

        var points = new SeriesPointsBuilder(maxSamples);
        var limit = maxSamples == long.MaxValue ? null : (long?)(maxSamples + 1);
        await ReadAsync(MetricQueries.Points(tier, seriesIds, startMs, endMs, limit), r => points.Add(Long(r, 0), Long(r, 1), Double(r, 2)), cancellationToken);
        return points.Build();
    }

    public Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken) =>
        StringsAsync(new ClickHouseQuery("SELECT DISTINCT name FROM series ORDER BY name", []), cancellationToken);

    public Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken) =>
        StringsAsync(new ClickHouseQuery("SELECT DISTINCT arrayJoin(mapKeys(labels)) AS k FROM series ORDER BY k", []), cancellationToken);

    public Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken)
    {
        var p = new QueryParameters();
        var name = p.Bind("String", labelName);
        return StringsAsync(p.Query($"SELECT DISTINCT labels[{name}] AS v FROM series WHERE mapContains(labels, {name}) ORDER BY v"), cancellationToken);
    }

    /// <summary>Lightweight delete; the table TTLs do the same in the background. The row count is not reported (0).</summary>
    public async Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken)
    {
        await ExecuteAsync(MetricQueries.DeleteBefore(tier, cutoffMs), cancellationToken);
        return 0;
    }

    public Task PingAsync(CancellationToken cancellationToken) => _client.ExecuteScalarAsync("SELECT 1", cancellationToken: cancellationToken);

    public void Dispose() => _client.Dispose();

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    // A boxed Float64 unboxes to the same bits: NaN payloads (the stale marker) survive.
    private static double Double(DbDataReader r, int i) => r.GetValue(i) is double d ? d : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    private static ClickHouseParameterCollection Parameters(ClickHouseQuery query)
    {
        var parameters = new ClickHouseParameterCollection();
        foreach (var (name, type, value) in query.Parameters)
        {
            parameters.Add(new ClickHouseDbParameter { ParameterName = name, ClickHouseType = type, Value = value });
        }

        return parameters;
    }

    private async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken)
    {
        var p = new QueryParameters();
        var query = p.Query($"SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = {p.Bind("String", table)}");
        return Convert.ToInt64(await _client.ExecuteScalarAsync(query.Sql, Parameters(query), cancellationToken: cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private Task ExecuteAsync(ClickHouseQuery query, CancellationToken cancellationToken) =>
        _client.ExecuteNonQueryAsync(query.Sql, Parameters(query), cancellationToken: cancellationToken);

    private async Task<IReadOnlyList<string>> StringsAsync(ClickHouseQuery query, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await ReadAsync(query, r => values.Add(r.GetString(0)), cancellationToken);
        return values;
    }

    private async Task ReadAsync(ClickHouseQuery query, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        using var reader = await _client.ExecuteReaderAsync(query.Sql, Parameters(query), cancellationToken: cancellationToken);
        while (reader.Read())
        {
            row(reader);
        }
    }
}
