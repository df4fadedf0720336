using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AirisEpm.DuckDbStorage;
using Apache.Arrow;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage.Head;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file. Writes go through one connection (the batching writer
/// serialises them anyway); reads take a pooled connection on the shared database instance, so
/// queries run beside writes under DuckDB's MVCC. This process is the file's only writer, so the
/// series are served from an in-memory <see cref="SeriesCatalog"/> loaded at start.
/// </summary>
public sealed partial class DuckDbMetricStore : IMetricStore, IDisposable
{
    private readonly string _connectionString;
    private readonly DuckDbReadConnections _readers;
    private readonly MetricStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SeriesCatalog _catalog = new();
    private const long WatermarkWindowMs = 3_600_000;
    private DuckDBConnection? _writer;
    private SeriesWatermarks _watermarks = new(long.MaxValue);
    private readonly HeadBlock _head;

    public DuckDbMetricStore(IOptions<MetricStoreOptions> options, TimeProvider time, string path)
    {
        _options = options.Value;
        _time = time;
        _connectionString = DuckDbConnectionString.For(path, _options);
        _readers = new DuckDbReadConnections(_connectionString);
        _head = new HeadBlock(_options.HeadMaxSamplesPerSeries, (long)_options.HeadWindow.TotalMilliseconds);
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
            _catalog.Add(LoadSeries(connection));
            _recentRollupRows = CountRecentRollupRows(connection);
            var recentMs = _time.GetUtcNow().ToUnixTimeMilliseconds() - WatermarkWindowMs;
            _watermarks = LoadWatermarks(connection, recentMs);
            LoadHead(connection, recentMs);
            _writer = connection;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken)
    {
        // Like every read, answered only once the store is initialised: the catalog is loaded then.
        _ = Writer;
        return Task.FromResult(_catalog.Find(selector));
    }

    /// <summary>
    /// Watermarks are loaded from the raw samples of the last hour (a bounded scan at start); series without
    /// one are bounded by the start of that hour, or by the newest stored sample when none is that recent
    /// (an empty store bounds nothing). A sample older than the bound after a restart takes the general write
    /// path, which looks for what it overwrites.
    /// </summary>
    private static SeriesWatermarks LoadWatermarks(DuckDBConnection connection, long recentMs)
    {
        var newest = new Dictionary<long, long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Sql($"SELECT series_id, max(ts) FROM samples WHERE ts >= {recentMs} GROUP BY series_id");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                newest[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        var floor = recentMs;
        if (newest.Count == 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT max(ts) FROM samples";
            floor = command.ExecuteScalar() is long max ? max : long.MinValue;
        }

        var watermarks = new SeriesWatermarks(floor);
        foreach (var (series, ts) in newest)
        {
            watermarks.Advance(series, ts);
        }

        return watermarks;
    }

    /// <summary>The head starts with the samples since <paramref name="recentMs"/> (the same bounded scan as the watermarks').</summary>
    private void LoadHead(DuckDBConnection connection, long recentMs)
    {
        if (_options.HeadMaxSamplesPerSeries == 0)
        {
            _head.Load(long.MaxValue, []);
            return;
        }

        var recent = new SeriesPointsBuilder();
        using var command = connection.CreateCommand();
        command.CommandText = Sql($"SELECT series_id, ts, value FROM samples WHERE ts >= {recentMs}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            recent.Add(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2));
        }

        _head.Load(recentMs, recent.Build());
    }

    private static List<StoredSeries> LoadSeries(DuckDBConnection connection)
    {
        var series = new List<StoredSeries>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, labels FROM series ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var labels = LabelSet.From(JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2))!);
            series.Add(new StoredSeries(reader.GetInt64(0), reader.GetString(1), labels));
        }

        return series;
    }

    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        if (query.SeriesGroups.Count == 0)
        {
            return [];
        }

        var (table, time, stats) = query.Tier == StorageTier.Raw
            ? ("samples", "ts", "min(s.value), max(s.value), sum(s.value), count(*), arg_max(s.value, s.ts), max(s.ts)")
            : (RollupSource(query.Tier), "bucket",
                "min(s.min), max(s.max), sum(s.sum), sum(s.count)::BIGINT, arg_max(s.last, s.last_ts), max(s.last_ts)");
        var rows = new List<AggregateRow>();
        var name = query.Tier != StorageTier.Raw && IsSingleGroup(query) ? _catalog.NameOfAll([.. query.SeriesGroups.Keys]) : null;
        // Raw samples hold stale markers, which are no values; rollups never took them in.
        var values = query.Tier == StorageTier.Raw ? $" AND {DuckDbStaleMarker.IsValue("s.value")}" : "";
        await ReadAsync(
            name is null ? AggregateSql(query, table, time, stats, values) : NameAggregateSql(query, stats),
            command => { if (name is not null) { command.Parameters.Add(new DuckDBParameter("name", name)); } },
            reader => rows.Add(new AggregateRow(
                reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetInt64(5), reader.GetDouble(6), reader.GetInt64(7))),
            cancellationToken);
        return rows;
    }

    /// <summary>
    /// One group (the common case: <c>group_by=</c> or a single series) filters by an id list and needs no join;
    /// several groups join a VALUES list. Bounds are literals so DuckDB prunes row groups by time.
    /// </summary>
    private static string AggregateSql(AggregateQuery query, string table, string time, string stats, string valueFilter)
    {
        var singleGroup = IsSingleGroup(query);
        var list = new StringBuilder();
        foreach (var (seriesId, group) in query.SeriesGroups)
        {
            list.Append(list.Length == 0 ? "" : ",");
            if (singleGroup)
            {
                list.Append(CultureInfo.InvariantCulture, $"{seriesId}");
            }
            else
            {
                list.Append(CultureInfo.InvariantCulture, $"({seriesId},{group})");
            }
        }

        var (grp, source) = singleGroup
            ? (query.SeriesGroups.Values.First().ToString(CultureInfo.InvariantCulture), $"{table} s")
            : ("g.grp", $"{table} s JOIN (VALUES {list}) g(series_id, grp) ON s.series_id = g.series_id");
        var filter = singleGroup ? $"s.series_id IN ({list}) AND " : "";
        return Sql($"""
            SELECT {grp} AS grp, (s.{time} - {query.StartMs}) // {query.StepMs} AS i, {stats}
            FROM {source}
            WHERE {filter}s.{time} >= {query.StartMs} AND s.{time} < {query.EndExclusiveMs}{valueFilter}
            GROUP BY ALL ORDER BY grp, i
            """);
    }

    private static bool IsSingleGroup(AggregateQuery query) => query.SeriesGroups.Values.Distinct().Take(2).Count() == 1;

    /// <summary>
    /// Every series of one metric name in one group: the per-name rollup has the same merged statistics with
    /// one row per bucket instead of one per series and bucket. (Of samples at the same latest time in
    /// different series, which one is <c>last</c> is unspecified on both paths.)
    /// </summary>
    private static string NameAggregateSql(AggregateQuery query, string stats)
    {
        var table = RollupTable(query.Tier) + "_name";
        var group = query.SeriesGroups.Values.First();
        return Sql($"""
            SELECT {group} AS grp, (s.bucket - {query.StartMs}) // {query.StepMs} AS i, {stats}
            FROM (SELECT * FROM {table} UNION ALL SELECT * FROM {table}_recent) s
            WHERE s.name = $name AND s.bucket >= {query.StartMs} AND s.bucket < {query.EndExclusiveMs}
            GROUP BY ALL ORDER BY grp, i
            """);
    }

    public Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken) =>
        PointsAsync(tier, seriesIds, startMs, endMs, long.MaxValue, cancellationToken);

    /// <summary>
    /// One statement for all the series, read as Arrow batches (whole columns). Raw samples are read in the order they
    /// are stored, with no <c>ORDER BY</c>: the writer appends each series' samples in time order, so a series needs
    /// sorting only after out-of-order writes (<see cref="SeriesPointsBuilder"/> checks). Samples still in the
    /// <see cref="HeadBlock"/> come from memory: a series whose head covers the window costs no statement.
    /// </summary>
    public async Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long maxSamples, CancellationToken cancellationToken)
    {
        if (seriesIds.Count == 0)
        {
            return [];
        }

        var points = new SeriesPointsBuilder(maxSamples);
        if (tier != StorageTier.Raw)
        {
            var ids = IdList(seriesIds);
            await ReadPointsAsync(Sql($"""
                SELECT series_id, max(last_ts), arg_max(last, last_ts) FROM {RollupSource(tier)}
                WHERE series_id IN ({ids}) AND bucket BETWEEN {startMs} AND {endMs}
                GROUP BY series_id, bucket ORDER BY series_id, bucket
                """), points, cancellationToken);
            return points.Build();
        }

        // The head first: what it holds is copied before the statement, so samples it lets go meanwhile are read from the file.
        var fromFile = _head.Read(seriesIds, startMs, endMs, points, out var fileEndMs);
        if (fromFile.Count > 0)
        {
            // Rows at or after a series' floor are the head's (already handed over); only floors inside the read need a look.
            var filter = fromFile.Values.Any(floor => floor <= fileEndMs) ? fromFile : null;
            await ReadPointsAsync(
                Sql($"SELECT series_id, ts, value FROM samples WHERE series_id IN ({IdList(fromFile.Keys)}) AND ts BETWEEN {startMs} AND {fileEndMs}"),
                points, cancellationToken, filter);
        }

        return points.Build();
    }

    private static string IdList(IEnumerable<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads (series_id, ts, value) rows; with <paramref name="before"/>, only each series' rows before its time there.</summary>
    private Task ReadPointsAsync(string sql, SeriesPointsBuilder points, CancellationToken cancellationToken, IReadOnlyDictionary<long, long>? before = null) =>
        _readers.ReadBatchesAsync(sql, batch =>
        {
            var ids = ((Int64Array)batch.Column(0)).Values;
            var ts = ((Int64Array)batch.Column(1)).Values;
            var values = ((DoubleArray)batch.Column(2)).Values;
            if (before is null)
            {
                points.AddColumns(ids, ts, values);
                return;
            }

            var start = 0;
            for (var i = 1; i <= ids.Length; i++)
            {
                if (i < ids.Length && ids[i] == ids[start])
                {
                    continue;
                }

                // One run of a series: its rows before the floor, in one range when they are (as usual) in time order.
                var floor = before[ids[start]];
                var cut = start;
                while (cut < i && ts[cut] < floor)
                {
                    cut++;
                }

                points.AddRange(ids[start], ts[start..cut], values[start..cut]);
                for (var j = cut; j < i; j++)
                {
                    if (ts[j] < floor)
                    {
                        points.Add(ids[j], ts[j], values[j]);
                    }
                }

                start = i;
            }
        }, cancellationToken);

    // Names, label names and values come from the catalog too: a query editor asks for them on every keystroke.
    public Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken)
    {
        _ = Writer;
        return Task.FromResult(_catalog.Names());
    }

    public Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken)
    {
        _ = Writer;
        return Task.FromResult(_catalog.LabelNames());
    }

    public Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken)
    {
        _ = Writer;
        return Task.FromResult(_catalog.LabelValues(labelName));
    }

    public async Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken)
    {
        // The per-name rollups are derived rows: they are deleted alike but not counted.
        (string Sql, bool Counted)[] statements = tier == StorageTier.Raw
            ? [("DELETE FROM samples WHERE ts < $cutoff", true)]
            : [.. new[] { "", "_recent", "_name", "_name_recent" }.Select(suffix =>
                ($"DELETE FROM {RollupTable(tier)}{suffix} WHERE bucket < $cutoff", !suffix.StartsWith("_name", StringComparison.Ordinal)))];
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var deleted = 0L;
            foreach (var (sql, counted) in statements)
            {
                using var command = Writer.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add(new DuckDBParameter("cutoff", cutoffMs));
                var rows = command.ExecuteNonQuery();
                deleted += counted ? rows : 0;
            }

            if (tier == StorageTier.Raw)
            {
                _head.DeleteBefore(cutoffMs);
            }

            return deleted;
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
        _readers.Dispose();
        _writer?.Dispose();
        _writeLock.Dispose();
    }

    private DuckDBConnection Writer => _writer ?? throw new InvalidOperationException("The DuckDB store is not initialised.");

    private static string RollupTable(StorageTier tier) => tier == StorageTier.Minute ? "rollup_1m" : "rollup_1h";

    /// <summary>A tier's compacted and recent partial rows together; readers merge them by series and bucket.</summary>
    private static string RollupSource(StorageTier tier) => $"(SELECT * FROM {RollupTable(tier)} UNION ALL SELECT * FROM {RollupTable(tier)}_recent)";

    private Task ReadAsync(string sql, Action<DuckDBCommand>? bind, Action<DbDataReader> row, CancellationToken cancellationToken) =>
        _readers.ReadAsync(sql, bind, row, cancellationToken);
}
