using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AirisEpm.MetricsService.Domain;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file. Writes go through one connection (the batching writer
/// serialises them anyway); each read opens its own connection on the shared database instance,
/// so queries run beside writes under DuckDB's MVCC.
/// </summary>
public sealed partial class DuckDbMetricStore : IMetricStore, IDisposable
{
    private readonly string _connectionString;
    private readonly MetricStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, byte> _knownSeries = new();
    private DuckDBConnection? _writer;

    public DuckDbMetricStore(IOptions<MetricStoreOptions> options, TimeProvider time, string path)
    {
        _options = options.Value;
        _time = time;
        _connectionString = $"Data Source={path}";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not null)
            {
                return;
            }

            var connection = new DuckDBConnection(_connectionString);
            connection.Open();
            DuckDbSchema.Migrate(connection);
            using var known = connection.CreateCommand();
            known.CommandText = "SELECT id FROM series";
            using var reader = known.ExecuteReader();
            while (reader.Read())
            {
                _knownSeries.TryAdd(reader.GetInt64(0), 0);
            }

            _writer = connection;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken)
    {
        var result = new List<StoredSeries>();
        await ReadAsync(
            selector.Name is null ? "SELECT id, name, labels FROM series" : "SELECT id, name, labels FROM series WHERE name = $name",
            command => { if (selector.Name is not null) { command.Parameters.Add(new DuckDBParameter("name", selector.Name)); } },
            reader =>
            {
                var name = reader.GetString(1);
                var labels = LabelSet.From(JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2))!);
                if (selector.Matches(name, labels))
                {
                    result.Add(new StoredSeries(reader.GetInt64(0), name, labels));
                }
            },
            cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        if (query.SeriesGroups.Count == 0)
        {
            return [];
        }

        var (table, time, stats) = query.Tier == StorageTier.Raw
            ? ("samples", "ts", "min(s.value), max(s.value), sum(s.value), count(*), arg_max(s.value, s.ts), max(s.ts)")
            : (RollupTable(query.Tier), "bucket",
                "min(s.min), max(s.max), sum(s.sum), sum(s.count)::BIGINT, arg_max(s.last, s.last_ts), max(s.last_ts)");
        var groups = new StringBuilder();
        foreach (var (seriesId, group) in query.SeriesGroups)
        {
            groups.Append(groups.Length == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"({seriesId},{group})");
        }

        var sql = $"""
            SELECT g.grp, (s.{time} - $start) // $step AS i, {stats}
            FROM {table} s JOIN (VALUES {groups}) g(series_id, grp) ON s.series_id = g.series_id
            WHERE s.{time} >= $start AND s.{time} < $end
            GROUP BY g.grp, i ORDER BY g.grp, i
            """;
        var rows = new List<AggregateRow>();
        await ReadAsync(
            sql,
            command =>
            {
                command.Parameters.Add(new DuckDBParameter("start", query.StartMs));
                command.Parameters.Add(new DuckDBParameter("step", query.StepMs));
                command.Parameters.Add(new DuckDBParameter("end", query.EndExclusiveMs));
            },
            reader => rows.Add(new AggregateRow(
                reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetInt64(5), reader.GetDouble(6), reader.GetInt64(7))),
            cancellationToken);
        return rows;
    }

    public async Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken)
    {
        if (seriesIds.Count == 0)
        {
            return [];
        }

        var sql = tier == StorageTier.Raw
            ? "SELECT series_id, ts, value FROM samples WHERE series_id IN ({0}) AND ts BETWEEN $start AND $end ORDER BY series_id, ts"
            : $"SELECT series_id, last_ts, last FROM {RollupTable(tier)} WHERE series_id IN ({{0}}) AND bucket BETWEEN $start AND $end ORDER BY series_id, bucket";
        var collected = new Dictionary<long, (List<long> Ts, List<double> Values)>();
        await ReadAsync(
            string.Format(CultureInfo.InvariantCulture, sql, string.Join(',', seriesIds)),
            command =>
            {
                command.Parameters.Add(new DuckDBParameter("start", startMs));
                command.Parameters.Add(new DuckDBParameter("end", endMs));
            },
            reader =>
            {
                var id = reader.GetInt64(0);
                if (!collected.TryGetValue(id, out var points))
                {
                    collected[id] = points = ([], []);
                }

                points.Ts.Add(reader.GetInt64(1));
                points.Values.Add(reader.GetDouble(2));
            },
            cancellationToken);
        return [.. collected.Select(c => new SeriesPoints(c.Key, [.. c.Value.Ts], [.. c.Value.Values]))];
    }

    public Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken) =>
        StringsAsync("SELECT DISTINCT name FROM series ORDER BY name", null, cancellationToken);

    public Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken) =>
        StringsAsync("SELECT DISTINCT name FROM series_labels ORDER BY name", null, cancellationToken);

    public Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken) =>
        StringsAsync("SELECT DISTINCT value FROM series_labels WHERE name = $name ORDER BY value", labelName, cancellationToken);

    public async Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken)
    {
        var sql = tier == StorageTier.Raw
            ? "DELETE FROM samples WHERE ts < $cutoff"
            : $"DELETE FROM {RollupTable(tier)} WHERE bucket < $cutoff";
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var command = Writer.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new DuckDBParameter("cutoff", cutoffMs));
            return command.ExecuteNonQuery();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        ReadAsync("SELECT max(version) FROM schema_migrations", null, _ => { }, cancellationToken);

    public void Dispose()
    {
        _writer?.Dispose();
        _writeLock.Dispose();
    }

    private DuckDBConnection Writer => _writer ?? throw new InvalidOperationException("The DuckDB store is not initialised.");

    private static string RollupTable(StorageTier tier) => tier == StorageTier.Minute ? "rollup_1m" : "rollup_1h";

    private async Task<IReadOnlyList<string>> StringsAsync(string sql, string? name, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await ReadAsync(
            sql,
            command => { if (name is not null) { command.Parameters.Add(new DuckDBParameter("name", name)); } },
            reader => values.Add(reader.GetString(0)),
            cancellationToken);
        return values;
    }

    private async Task ReadAsync(string sql, Action<DuckDBCommand>? bind, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }
}
