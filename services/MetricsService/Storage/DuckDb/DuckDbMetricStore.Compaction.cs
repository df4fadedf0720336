using System.Globalization;
using DuckDB.NET.Data;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// Compaction of partial rollup rows: once <see cref="MetricStoreOptions.RollupCompactionRows"/> samples
/// have added partials, the recent rows of each tier (per series and per metric name) are merged per key and bucket, appended to the
/// compacted table and the recent table is emptied — no filtered delete on the large table. A bucket that
/// spans compactions keeps one row per compaction, which reads merge. Compaction runs before a write, in
/// its own transaction, under the write lock: if it fails the write fails before anything is written and
/// the batching writer retries it.
/// </summary>
public sealed partial class DuckDbMetricStore
{
    private long _recentRollupRows;

    /// <summary>Merges the recent partial rows now; used by tests and when the threshold is reached.</summary>
    public async Task CompactRollupsAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            Compact(Writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void CompactIfDue(DuckDBConnection connection)
    {
        if (_recentRollupRows >= _options.RollupCompactionRows)
        {
            Compact(connection);
        }
    }

    private void Compact(DuckDBConnection connection)
    {
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var (table, key) in Tiers.SelectMany(t => new[] { (t.Table, "series_id"), (t.Table + "_name", "name") }))
            {
                Execute(connection, $"""
                    INSERT INTO {table}
                    SELECT {key}, bucket, min(min), max(max), sum(sum), sum(count), arg_max(last, last_ts), max(last_ts)
                    FROM {table}_recent GROUP BY {key}, bucket ORDER BY bucket, {key};
                    DELETE FROM {table}_recent;
                    """);
            }

            transaction.Commit();
        }

        _recentRollupRows = 0;
    }

    /// <summary>After a restart, the recent rows left by the previous process count towards the next compaction.</summary>
    private static long CountRecentRollupRows(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM rollup_1m_recent";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
