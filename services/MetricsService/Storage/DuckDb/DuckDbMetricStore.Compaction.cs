using DuckDB.NET.Data;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// Compaction of partial rollup rows: every bucket that received partials since the last compaction
/// has its rows merged into one, once <see cref="MetricStoreOptions.RollupCompactionRows"/> partial rows
/// have been appended. It runs before a write, in its own transaction, under the write lock: if it fails
/// the write fails before anything is written and the batching writer retries it. Buckets left
/// uncompacted (for example across a restart) are still read exactly, only more slowly.
/// </summary>
public sealed partial class DuckDbMetricStore
{
    private readonly Dictionary<string, HashSet<long>> _dirtyBuckets = Tiers.ToDictionary(t => t.Table, _ => new HashSet<long>());
    private long _partialRows;

    /// <summary>Merges the partial rows of every dirty bucket now; used by tests and when the threshold is reached.</summary>
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

    private void NoteRollupRows(PreparedBatch batch, long oldest)
    {
        foreach (var (width, table) in Tiers)
        {
            var dirty = _dirtyBuckets[table];
            foreach (var (_, ts) in batch.Latest.Keys)
            {
                if (ts >= oldest)
                {
                    dirty.Add(Floor(ts, width));
                }
            }
        }

        _partialRows += batch.Latest.Count;
    }

    private void CompactIfDue(DuckDBConnection connection)
    {
        if (_partialRows >= _options.RollupCompactionRows)
        {
            Compact(connection);
        }
    }

    private void Compact(DuckDBConnection connection)
    {
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var (_, table) in Tiers)
            {
                var dirty = _dirtyBuckets[table];
                if (dirty.Count == 0)
                {
                    continue;
                }

                var buckets = string.Join(',', dirty.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Execute(connection, Sql($"""
                    INSERT INTO staging_rollup
                    SELECT series_id, bucket, min(min), max(max), sum(sum), sum(count), arg_max(last, last_ts), max(last_ts)
                    FROM {table} WHERE bucket >= {dirty.Min()} AND bucket <= {dirty.Max()} AND bucket IN ({buckets})
                    GROUP BY series_id, bucket HAVING count(*) > 1;
                    DELETE FROM {table} r USING staging_rollup c
                    WHERE r.series_id = c.series_id AND r.bucket = c.bucket AND r.bucket >= {dirty.Min()} AND r.bucket <= {dirty.Max()};
                    INSERT INTO {table} SELECT * FROM staging_rollup;
                    DELETE FROM staging_rollup;
                    """));
            }

            transaction.Commit();
        }

        foreach (var dirty in _dirtyBuckets.Values)
        {
            dirty.Clear();
        }

        _partialRows = 0;
    }
}
