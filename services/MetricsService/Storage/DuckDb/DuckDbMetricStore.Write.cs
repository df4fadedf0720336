using System.Text.Json;
using AirisEpm.MetricsService.Domain;
using DuckDB.NET.Data;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// The write path: new series rows, then the batch appended to a staging table and upserted into
/// <c>samples</c> (same series and timestamp overwrites), then every 1m bucket the batch touched is
/// replaced by its recomputation from raw and every touched 1h bucket by one from the 1m rows. Recomputing instead of adding
/// keeps the rollups exact for late and overwritten samples. One transaction per batch.
/// </summary>
public sealed partial class DuckDbMetricStore
{
    private const string ForgetMinute = """
        DELETE FROM rollup_1m r WHERE r.bucket >= $lo AND r.bucket < $hi AND EXISTS (
            SELECT 1 FROM staging_samples s WHERE s.series_id = r.series_id AND (s.ts // 60000) * 60000 = r.bucket AND s.ts >= $oldest)
        """;

    private const string ForgetHour = """
        DELETE FROM rollup_1h r WHERE r.bucket >= $lo AND r.bucket < $hi AND EXISTS (
            SELECT 1 FROM staging_samples s WHERE s.series_id = r.series_id AND (s.ts // 3600000) * 3600000 = r.bucket AND s.ts >= $oldest)
        """;

    private const string RecomputeMinute = """
        INSERT INTO rollup_1m
        SELECT s.series_id, t.bucket, min(s.value), max(s.value), sum(s.value), count(*), arg_max(s.value, s.ts), max(s.ts)
        FROM samples s
        JOIN (SELECT DISTINCT series_id, (ts // 60000) * 60000 AS bucket FROM staging_samples WHERE ts >= $oldest) t
          ON s.series_id = t.series_id AND (s.ts // 60000) * 60000 = t.bucket
        WHERE s.ts >= $lo AND s.ts < $hi
        GROUP BY s.series_id, t.bucket
        """;

    private const string RecomputeHour = """
        INSERT INTO rollup_1h
        SELECT r.series_id, t.bucket, min(r.min), max(r.max), sum(r.sum), sum(r.count), arg_max(r.last, r.last_ts), max(r.last_ts)
        FROM rollup_1m r
        JOIN (SELECT DISTINCT series_id, (ts // 3600000) * 3600000 AS bucket FROM staging_samples WHERE ts >= $oldest) t
          ON r.series_id = t.series_id AND (r.bucket // 3600000) * 3600000 = t.bucket
        WHERE r.bucket >= $lo AND r.bucket < $hi
        GROUP BY r.series_id, t.bucket
        """;

    public async Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        // Within one batch the later sample for a series and timestamp wins, as a later batch would.
        var latest = new Dictionary<(long Series, long Ts), double>(samples.Count);
        var newSeries = new Dictionary<long, MetricSample>();
        long minTs = long.MaxValue, maxTs = long.MinValue;
        foreach (var sample in samples)
        {
            var id = sample.SeriesId;
            latest[(id, sample.TimestampMs)] = sample.Value;
            minTs = Math.Min(minTs, sample.TimestampMs);
            maxTs = Math.Max(maxTs, sample.TimestampMs);
            if (!_knownSeries.ContainsKey(id))
            {
                newSeries.TryAdd(id, sample);
            }
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var connection = Writer;
            using var transaction = connection.BeginTransaction();
            Execute(connection, "DELETE FROM staging_samples");
            InsertSeries(connection, newSeries.Values);
            using (var appender = connection.CreateAppender("staging_samples"))
            {
                foreach (var ((series, ts), value) in latest)
                {
                    appender.CreateRow().AppendValue(series).AppendValue(ts).AppendValue(value).EndRow();
                }
            }

            Execute(connection, "INSERT OR REPLACE INTO samples SELECT series_id, ts, value FROM staging_samples");
            var oldest = _time.GetUtcNow().ToUnixTimeMilliseconds() - (long)_options.LateSampleWindow.TotalMilliseconds;
            (string, long)[] minute = [("oldest", oldest), ("lo", Floor(minTs, 60_000)), ("hi", Floor(maxTs, 60_000) + 60_000)];
            (string, long)[] hour = [("oldest", oldest), ("lo", Floor(minTs, 3_600_000)), ("hi", Floor(maxTs, 3_600_000) + 3_600_000)];
            Execute(connection, ForgetMinute, minute);
            Execute(connection, RecomputeMinute, minute);
            Execute(connection, ForgetHour, hour);
            Execute(connection, RecomputeHour, hour);
            Execute(connection, "DELETE FROM staging_samples");
            transaction.Commit();
        }
        finally
        {
            _writeLock.Release();
        }

        foreach (var id in newSeries.Keys)
        {
            _knownSeries.TryAdd(id, 0);
        }
    }

    private static long Floor(long ts, long width) => ts - (((ts % width) + width) % width);

    /// <summary>
    /// New series go through staging tables and the Appender too: a fleet coming online brings
    /// thousands at once. Label rows are added only for series not stored yet, so a series the
    /// cache did not know (written by an earlier process) is never duplicated.
    /// </summary>
    private static void InsertSeries(DuckDBConnection connection, ICollection<MetricSample> newSeries)
    {
        if (newSeries.Count == 0)
        {
            return;
        }

        Execute(connection, "DELETE FROM staging_series; DELETE FROM staging_labels");
        using (var series = connection.CreateAppender("staging_series"))
        using (var labels = connection.CreateAppender("staging_labels"))
        {
            foreach (var sample in newSeries)
            {
                var id = sample.SeriesId;
                series.CreateRow().AppendValue(id).AppendValue(sample.Name)
                    .AppendValue(JsonSerializer.Serialize(sample.Labels.ToDictionary()))
                    .AppendValue(sample.Type.ToString().ToLowerInvariant()).EndRow();
                foreach (var label in sample.Labels.Labels)
                {
                    labels.CreateRow().AppendValue(id).AppendValue(label.Name).AppendValue(label.Value).EndRow();
                }
            }
        }

        Execute(connection, """
            INSERT INTO series_labels SELECT l.* FROM staging_labels l WHERE l.series_id NOT IN (SELECT id FROM series);
            INSERT OR IGNORE INTO series SELECT * FROM staging_series;
            DELETE FROM staging_series; DELETE FROM staging_labels;
            """);
    }

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, long Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        command.ExecuteNonQuery();
    }
}
