using System.Globalization;
using AirisEpm.DuckDbStorage;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using DuckDB.NET.Data;

namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>
/// Metadata and exemplars in two tables of the embedded store's DuckDB file (created here, beside the metric store's
/// own schema; DuckDB shares one database instance per file in a process). Writes go through one connection under a
/// lock and commit before returning, so a remote_write acknowledged after them has them durable; connections are opened
/// as the metric store's (<see cref="DuckDbConnectionString"/>). Exemplars older than the raw samples' retention are
/// deleted at most once an hour, on a write.
/// </summary>
public sealed class DuckDbSideStore(string path, MetricStoreOptions options, TimeProvider time) : IPrometheusSideStore, IDisposable
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private readonly string _connectionString = DuckDbConnectionString.For(path, options);
    private readonly TimeSpan _retention = options.RawRetention;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private DuckDbReadConnections? _readers;
    private DuckDBConnection? _writer;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    public async Task AddMetadataAsync(IReadOnlyList<MetricMetadata> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Count == 0)
        {
            return;
        }

        await WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO prom_metadata VALUES ($family, $type, $help, $unit)";
            foreach (var m in metadata)
            {
                command.Parameters.Clear();
                command.Parameters.Add(new DuckDBParameter("family", m.Family));
                command.Parameters.Add(new DuckDBParameter("type", m.Type));
                command.Parameters.Add(new DuckDBParameter("help", m.Help));
                command.Parameters.Add(new DuckDBParameter("unit", m.Unit));
                command.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<MetricMetadata>> MetadataAsync(CancellationToken cancellationToken)
    {
        var result = new List<MetricMetadata>();
        await (await ReadersAsync(cancellationToken)).ReadAsync(
            "SELECT family, type, help, unit FROM prom_metadata ORDER BY family, type, help, unit",
            null,
            row => result.Add(new MetricMetadata(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3))),
            cancellationToken);
        return result;
    }

    public async Task AddExemplarsAsync(IReadOnlyList<StoredExemplar> exemplars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exemplars);
        if (exemplars.Count == 0)
        {
            return;
        }

        await WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO prom_exemplars VALUES ($series, $ts, $labels, $value)";
            foreach (var e in exemplars)
            {
                command.Parameters.Clear();
                command.Parameters.Add(new DuckDBParameter("series", e.SeriesId));
                command.Parameters.Add(new DuckDBParameter("ts", e.TimestampMs));
                command.Parameters.Add(new DuckDBParameter("labels", ExemplarLabelsJson.Write(e.Labels)));
                command.Parameters.Add(new DuckDBParameter("value", e.Value));
                command.ExecuteNonQuery();
            }

            var now = time.GetUtcNow();
            if (now - _prunedAt >= PruneInterval)
            {
                using var prune = connection.CreateCommand();
                prune.CommandText = "DELETE FROM prom_exemplars WHERE ts < $cutoff";
                prune.Parameters.Add(new DuckDBParameter("cutoff", (now - _retention).ToUnixTimeMilliseconds()));
                prune.ExecuteNonQuery();
                _prunedAt = now;
            }
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredExemplar>> ExemplarsAsync(
        IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesIds);
        if (seriesIds.Count == 0)
        {
            return [];
        }

        var ids = string.Join(',', seriesIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var result = new List<StoredExemplar>();
        await (await ReadersAsync(cancellationToken)).ReadAsync(
            $"SELECT series_id, ts, labels, value FROM prom_exemplars WHERE series_id IN ({ids}) AND ts BETWEEN $start AND $end ORDER BY series_id, ts",
            command =>
            {
                command.Parameters.Add(new DuckDBParameter("start", startMs));
                command.Parameters.Add(new DuckDBParameter("end", endMs));
            },
            row => result.Add(new StoredExemplar(row.GetInt64(0), ExemplarLabelsJson.Read(row.GetString(2)), row.GetDouble(3), row.GetInt64(1))),
            cancellationToken);
        return result;
    }

    public void Dispose()
    {
        _readers?.Dispose();
        _writer?.Dispose();
        _lock.Dispose();
    }

    private async Task WriteAsync(Action<DuckDBConnection> write, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var connection = OpenWriter();
            using var transaction = connection.BeginTransaction();
            write(connection);
            transaction.Commit();
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<DuckDbReadConnections> ReadersAsync(CancellationToken cancellationToken)
    {
        if (_readers is { } readers)
        {
            return readers;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            OpenWriter();
            return _readers ??= new DuckDbReadConnections(_connectionString);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Opens the file and creates the tables on first use; called under the lock.</summary>
    private DuckDBConnection OpenWriter()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS prom_metadata (family VARCHAR NOT NULL, type VARCHAR NOT NULL, help VARCHAR NOT NULL, unit VARCHAR NOT NULL,
                PRIMARY KEY (family, type, help, unit));
            CREATE TABLE IF NOT EXISTS prom_exemplars (series_id BIGINT NOT NULL, ts BIGINT NOT NULL, labels VARCHAR NOT NULL, value DOUBLE NOT NULL,
                PRIMARY KEY (series_id, ts, labels));
            """;
        command.ExecuteNonQuery();
        _writer = connection;
        return connection;
    }
}
