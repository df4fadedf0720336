using System.Data.Common;
using AirisEpm.MetricsService.Domain;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// The production store on ClickHouse, over HTTP with RowBinary bulk inserts (InsertBinaryAsync).
/// Rollups are maintained by materialized views, so late samples fold into their buckets on insert.
/// An overwritten sample (same series and timestamp) replaces the raw row at merge time but its
/// earlier value stays in the rollup states: views see inserts, not replacements.
/// </summary>
public sealed class ClickHouseMetricStore(IOptions<MetricStoreOptions> options) : IMetricStore, IDisposable
{
    private static readonly string[] SampleColumns = ["name", "series_id", "ts", "value"];
    private static readonly string[] SeriesColumns = ["id", "name", "labels", "type"];
    private readonly ClickHouseClient _client = new(options.Value.ClickHouseConnectionString);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _knownSeries = new();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _client.ExecuteNonQueryAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, description String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = MergeTree ORDER BY version
            """, cancellationToken: cancellationToken);
        var applied = Convert.ToInt64(await _client.ExecuteScalarAsync("SELECT max(version) FROM schema_migrations", cancellationToken: cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, description, statements) in ClickHouseSchema.Migrations(options.Value).Where(m => m.Version > applied))
        {
            foreach (var statement in statements)
            {
                await _client.ExecuteNonQueryAsync(statement, cancellationToken: cancellationToken);
            }

            await _client.InsertBinaryAsync("schema_migrations", ["version", "description"], [new object[] { (uint)version, description }], cancellationToken: cancellationToken);
        }
    }

    public async Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        var newSeries = new Dictionary<long, MetricSample>();
        var rows = new List<object[]>(samples.Count);
        foreach (var sample in samples)
        {
            var id = sample.SeriesId;
            if (!_knownSeries.ContainsKey(id))
            {
                newSeries.TryAdd(id, sample);
            }

            rows.Add([sample.Name, id, DateTimeOffset.FromUnixTimeMilliseconds(sample.TimestampMs).UtcDateTime, sample.Value]);
        }

        if (newSeries.Count > 0)
        {
            // Series first: a sample is never visible without its series. Re-inserting one is harmless (ReplacingMergeTree).
            await _client.InsertBinaryAsync("series", SeriesColumns, newSeries.Select(s => new object[]
            {
                s.Key, s.Value.Name, s.Value.Labels.ToDictionary(), s.Value.Type.ToString().ToLowerInvariant(),
            }), cancellationToken: cancellationToken);
        }

        await _client.InsertBinaryAsync("samples", SampleColumns, rows, cancellationToken: cancellationToken);
        foreach (var id in newSeries.Keys)
        {
            _knownSeries.TryAdd(id, 0);
        }
    }

    public async Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        var where = "";
        if (selector.Name is not null)
        {
            parameters.AddParameter("name", selector.Name);
            where = "WHERE name = {name:String}";
        }

        var result = new List<StoredSeries>();
        await ReadAsync($"SELECT id, name, mapKeys(labels), mapValues(labels) FROM series FINAL {where}", parameters, reader =>
        {
            var keys = (string[])reader.GetValue(2);
            var values = (string[])reader.GetValue(3);
            var labels = LabelSet.FromUnsorted([.. keys.Zip(values, (k, v) => new Label(k, v))]);
            var name = reader.GetString(1);
            if (selector.Matches(name, labels))
            {
                result.Add(new StoredSeries(reader.GetInt64(0), name, labels));
            }
        }, cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        if (query.SeriesGroups.Count == 0)
        {
            return [];
        }

        var parameters = SeriesParameters(query.SeriesGroups);
        parameters.AddParameter("start", query.StartMs);
        parameters.AddParameter("step", query.StepMs);
        parameters.AddParameter("end", query.EndExclusiveMs);
        const string group = "transform(series_id, {ids:Array(Int64)}, {grps:Array(Int32)}, -1)";
        var sql = query.Tier == StorageTier.Raw
            ? $$"""
              SELECT {{group}} AS grp, intDiv(toUnixTimestamp64Milli(ts) - {start:Int64}, {step:Int64}) AS i,
                  min(value), max(value), sum(value), count(), argMax(value, ts), toUnixTimestamp64Milli(max(ts))
              FROM samples FINAL
              WHERE has({ids:Array(Int64)}, series_id) AND toUnixTimestamp64Milli(ts) >= {start:Int64} AND toUnixTimestamp64Milli(ts) < {end:Int64}
                AND {{ClickHouseSchema.IsValue}}
              GROUP BY grp, i ORDER BY grp, i
              """
            : $$"""
              SELECT {{group}} AS grp, intDiv(toInt64(toUnixTimestamp(bucket)) * 1000 - {start:Int64}, {step:Int64}) AS i,
                  minMerge(min), maxMerge(max), sumMerge(sum), countMerge(count), argMaxMerge(last), toUnixTimestamp64Milli(maxMerge(last_ts))
              FROM {{RollupTable(query.Tier)}}
              WHERE has({ids:Array(Int64)}, series_id)
                AND toInt64(toUnixTimestamp(bucket)) * 1000 >= {start:Int64} AND toInt64(toUnixTimestamp(bucket)) * 1000 < {end:Int64}
              GROUP BY grp, i ORDER BY grp, i
              """;
        var rows = new List<AggregateRow>();
        await ReadAsync(sql, parameters, r => rows.Add(new AggregateRow(
            Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Long(r, 1), Double(r, 2), Double(r, 3),
            Double(r, 4), Long(r, 5), Double(r, 6), Long(r, 7))), cancellationToken);
        return rows;
    }

    public async Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken)
    {
        if (seriesIds.Count == 0)
        {
            return [];
        }

        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", seriesIds.ToArray());
        parameters.AddParameter("start", startMs);
        parameters.AddParameter("end", endMs);
        var sql = tier == StorageTier.Raw
            ? """
              SELECT series_id, toUnixTimestamp64Milli(ts) AS t, value FROM samples FINAL
              WHERE has({ids:Array(Int64)}, series_id) AND t >= {start:Int64} AND t <= {end:Int64} ORDER BY series_id, t
              """
            : $$"""
              SELECT series_id, toUnixTimestamp64Milli(maxMerge(last_ts)), argMaxMerge(last) FROM {{RollupTable(tier)}}
              WHERE has({ids:Array(Int64)}, series_id)
                AND toInt64(toUnixTimestamp(bucket)) * 1000 >= {start:Int64} AND toInt64(toUnixTimestamp(bucket)) * 1000 <= {end:Int64}
              GROUP BY series_id, bucket ORDER BY series_id, bucket
              """;
        var collected = new Dictionary<long, (List<long> Ts, List<double> Values)>();
        await ReadAsync(sql, parameters, r =>
        {
            var id = Long(r, 0);
            if (!collected.TryGetValue(id, out var points))
            {
                collected[id] = points = ([], []);
            }

            points.Ts.Add(Long(r, 1));
            points.Values.Add(Double(r, 2));
        }, cancellationToken);
        return [.. collected.Select(c => new SeriesPoints(c.Key, [.. c.Value.Ts], [.. c.Value.Values]))];
    }

    public Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken) =>
        StringsAsync("SELECT DISTINCT name FROM series ORDER BY name", null, cancellationToken);

    public Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken) =>
        StringsAsync("SELECT DISTINCT arrayJoin(mapKeys(labels)) AS k FROM series ORDER BY k", null, cancellationToken);

    public Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken) =>
        StringsAsync("SELECT DISTINCT labels[{name:String}] AS v FROM series WHERE mapContains(labels, {name:String}) ORDER BY v", labelName, cancellationToken);

    /// <summary>Lightweight delete; the table TTLs do the same in the background. The row count is not reported (0).</summary>
    public async Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("cutoff", cutoffMs);
        var sql = tier == StorageTier.Raw
            ? "DELETE FROM samples WHERE toUnixTimestamp64Milli(ts) < {cutoff:Int64}"
            : $"DELETE FROM {RollupTable(tier)} WHERE toInt64(toUnixTimestamp(bucket)) * 1000 < {{cutoff:Int64}}";
        await _client.ExecuteNonQueryAsync(sql, parameters, cancellationToken: cancellationToken);
        return 0;
    }

    public Task PingAsync(CancellationToken cancellationToken) => _client.ExecuteScalarAsync("SELECT 1", cancellationToken: cancellationToken);

    public void Dispose() => _client.Dispose();

    private static string RollupTable(StorageTier tier) => tier == StorageTier.Minute ? "rollup_1m" : "rollup_1h";

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static double Double(DbDataReader r, int i) => Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static ClickHouseParameterCollection SeriesParameters(IReadOnlyDictionary<long, int> groups)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", groups.Keys.ToArray());
        parameters.AddParameter("grps", groups.Values.ToArray());
        return parameters;
    }

    private async Task<IReadOnlyList<string>> StringsAsync(string sql, string? name, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        if (name is not null)
        {
            parameters.AddParameter("name", name);
        }

        var values = new List<string>();
        await ReadAsync(sql, parameters, r => values.Add(r.GetString(0)), cancellationToken);
        return values;
    }

    private async Task ReadAsync(string sql, ClickHouseParameterCollection parameters, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        using var reader = await _client.ExecuteReaderAsync(sql, parameters, cancellationToken: cancellationToken);
        while (reader.Read())
        {
            row(reader);
        }
    }
}
