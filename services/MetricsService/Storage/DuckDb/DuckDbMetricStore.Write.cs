using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AirisEpm.MetricsService.Domain;
using DuckDB.NET.Data;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// The write path, one transaction per batch. The common batch only brings samples newer than anything
/// stored for their series (<see cref="SeriesWatermarks"/>): it is appended to <c>samples</c>, and its
/// partial rollup rows (<see cref="RollupPartial"/>, one per series and bucket and one per metric name and
/// bucket) to the recent rollup tables, with the Appender and no statement. Any other batch takes the
/// general path: the batch appended to a staging table; samples it overwrites (same series and timestamp,
/// found by a join bounded to the batch's time span) deleted; the batch appended to <c>samples</c>; then
/// partials computed from the batch appended. Reads merge partials (min of mins, sum of sums, last by
/// time), so late samples are exact without touching older rows. Only a bucket holding an overwritten
/// sample is recomputed whole (1m from raw, 1h from 1m, per-name from per-series), because a partial
/// cannot take a value back out. Stale markers are stored in <c>samples</c> as they are and left out of every
/// rollup (<see cref="RollupPartial"/> here, <see cref="DuckDbStaleMarker"/> in SQL).
/// </summary>
public sealed partial class DuckDbMetricStore
{
    private static readonly (long Width, string Table)[] Tiers = [(60_000, "rollup_1m"), (3_600_000, "rollup_1h")];

    // Collections every write refills (under the write lock): kept, so a large batch does not allocate them anew each time.
    private readonly WriteScratch _scratch = new();

    private sealed class WriteScratch
    {
        /// <summary>Entries kept between writes: 16,384 partials are 1 MB; a larger batch (a replay, a fleet's first scrape) lets its own go.</summary>
        private const int MaxKept = 16_384;

        public Dictionary<long, int> IndexOf { get; } = [];

        public List<RollupPartial> Minute { get; } = [];

        public List<RollupPartial> Hour { get; } = [];

        /// <summary>After a write: collections a large batch grew are let go (100,000 new series left 25 MB here for good).</summary>
        public void Release()
        {
            foreach (var list in new[] { Minute, Hour })
            {
                if (list.Capacity > MaxKept)
                {
                    list.Clear();
                    list.Capacity = 0;
                }
            }

            if (IndexOf.Count > MaxKept)
            {
                IndexOf.Clear();
                IndexOf.TrimExcess();
            }
        }
    }

    public async Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Under the lock: which series are new decides whether a batch may skip looking for overwrites.
            using var batch = PreparedBatch.From(samples, _catalog, _scratch.IndexOf);
            var connection = Writer;
            CompactIfDue(connection);
            var oldest = _time.GetUtcNow().ToUnixTimeMilliseconds() - (long)_options.LateSampleWindow.TotalMilliseconds;
            var allNew = _watermarks.AllNew(batch.Spans().Select(s => (s.Series, s.OldestTs)), batch.IsNewSeries);
            // Partial rows the recent 1m tier gains (the general path's count is an upper bound): they pace compaction.
            var partialRows = batch.Count;
            using (var transaction = connection.BeginTransaction())
            {
                InsertSeries(connection, batch.NewSeries);
                if (allNew)
                {
                    partialRows = AppendNewSamples(connection, batch, oldest, _scratch);
                }
                else
                {
                    WriteGeneral(connection, batch, oldest);
                }

                transaction.Commit();
            }

            _head.Append(batch.SeriesIds, batch.Offsets, batch.Timestamps, batch.Values, batch.IsNewSeries);
            _catalog.Add(batch.NewSeries.Select(s => new StoredSeries(s.SeriesId, s.Name, s.Labels)));
            foreach (var (series, _, newest) in batch.Spans())
            {
                _watermarks.Advance(series, newest);
            }

            _recentRollupRows += partialRows;
        }
        finally
        {
            _scratch.Release();
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Appends the batch, its partials per series and bucket (the hour tier merged from the minute partials) and per
    /// metric name and bucket (merged from the series partials); returns the partial rows the 1m series tier gained.
    /// </summary>
    private static int AppendNewSamples(DuckDBConnection connection, PreparedBatch batch, long oldest, WriteScratch scratch)
    {
        using (var samples = connection.CreateAppender("samples"))
        {
            for (var s = 0; s < batch.SeriesIds.Length; s++)
            {
                var series = batch.SeriesIds[s];
                for (var i = batch.Offsets[s]; i < batch.Offsets[s + 1]; i++)
                {
                    samples.CreateRow().AppendValue(series).AppendValue(batch.Timestamps[i]).AppendValue(batch.Values[i]).EndRow();
                }
            }
        }

        var minute = batch.SeriesPartials(Tiers[0].Width, oldest, scratch.Minute);
        var hour = PreparedBatch.Coarsen(minute, Tiers[1].Width, scratch.Hour);
        foreach (var (partials, table) in new[] { (minute, Tiers[0].Table), (hour, Tiers[1].Table) })
        {
            using (var rollup = connection.CreateAppender(table + "_recent"))
            {
                foreach (var p in partials)
                {
                    rollup.CreateRow().AppendValue(p.SeriesId).AppendValue(p.Bucket).AppendValue(p.Min).AppendValue(p.Max)
                        .AppendValue(p.Sum).AppendValue(p.Count).AppendValue(p.Last).AppendValue(p.LastTs).EndRow();
                }
            }

            using var byName = connection.CreateAppender(table + "_name_recent");
            foreach (var p in batch.NamePartials(partials))
            {
                byName.CreateRow().AppendValue(batch.Names[(int)p.SeriesId]).AppendValue(p.Bucket).AppendValue(p.Min).AppendValue(p.Max)
                    .AppendValue(p.Sum).AppendValue(p.Count).AppendValue(p.Last).AppendValue(p.LastTs).EndRow();
            }
        }

        return minute.Count;
    }

    private static void WriteGeneral(DuckDBConnection connection, PreparedBatch batch, long oldest)
    {
        using (var appender = connection.CreateAppender("staging_samples"))
        {
            for (var s = 0; s < batch.SeriesIds.Length; s++)
            {
                for (var i = batch.Offsets[s]; i < batch.Offsets[s + 1]; i++)
                {
                    appender.CreateRow().AppendValue(batch.SeriesIds[s]).AppendValue(batch.Timestamps[i]).AppendValue(batch.Values[i]).EndRow();
                }
            }
        }

        var overwrites = Execute(connection, Sql($"""
            INSERT INTO staging_overwrites SELECT s.series_id, s.ts FROM samples s JOIN staging_samples b
                ON s.series_id = b.series_id AND s.ts = b.ts
            WHERE s.ts >= {batch.MinTs} AND s.ts <= {batch.MaxTs}
            """));
        if (overwrites > 0)
        {
            Execute(connection, Sql($"""
                DELETE FROM samples s USING staging_overwrites o
                WHERE s.series_id = o.series_id AND s.ts = o.ts AND s.ts >= {batch.MinTs} AND s.ts <= {batch.MaxTs}
                """));
        }

        Execute(connection, "INSERT INTO samples SELECT series_id, ts, value FROM staging_samples");
        if (batch.MaxTs >= oldest)
        {
            foreach (var (width, table) in Tiers)
            {
                UpdateRollup(connection, table, width, batch, oldest, overwrites > 0);
                UpdateNameRollup(connection, table, width, batch, oldest, overwrites > 0);
            }
        }

        Execute(connection, "DELETE FROM staging_samples; DELETE FROM staging_overwrites");
    }

    /// <summary>
    /// Appends the batch's partial row per series and bucket to the tier's recent rows. With overwrites, the buckets holding them are
    /// replaced by their recomputation first (the 1m tier from raw, which already includes this batch; the 1h
    /// tier from the merged 1m rows), and the batch adds no partial to those buckets.
    /// </summary>
    private static void UpdateRollup(DuckDBConnection connection, string table, long width, PreparedBatch batch, long oldest, bool overwrites)
    {
        var lo = Floor(Math.Max(batch.MinTs, oldest), width);
        var hi = Floor(batch.MaxTs, width) + width;
        var touched = Sql($"SELECT DISTINCT series_id, (ts // {width}) * {width} AS bucket FROM staging_overwrites WHERE ts >= {oldest}");
        var skipTouched = "";
        if (overwrites)
        {
            var source = width == 60_000
                ? Sql($"""
                  SELECT series_id, ts AS t, value AS v, value AS lo, value AS hi, value AS total, 1 AS n, ts AS last_ts
                  FROM samples WHERE ts >= {lo} AND ts < {hi} AND {DuckDbStaleMarker.IsValue("value")}
                  """)
                : Sql($"""
                  SELECT series_id, bucket AS t, last AS v, min AS lo, max AS hi, sum AS total, count AS n, last_ts
                  FROM (SELECT * FROM rollup_1m UNION ALL SELECT * FROM rollup_1m_recent) WHERE bucket >= {lo} AND bucket < {hi}
                  """);
            Execute(connection, Sql($"""
                DELETE FROM {table} r USING ({touched}) o
                WHERE r.series_id = o.series_id AND r.bucket = o.bucket AND r.bucket >= {lo} AND r.bucket < {hi};
                DELETE FROM {table}_recent r USING ({touched}) o
                WHERE r.series_id = o.series_id AND r.bucket = o.bucket AND r.bucket >= {lo} AND r.bucket < {hi};
                INSERT INTO {table}_recent
                SELECT s.series_id, o.bucket, min(s.lo), max(s.hi), sum(s.total), sum(s.n), arg_max(s.v, s.last_ts), max(s.last_ts)
                FROM ({source}) s JOIN ({touched}) o ON s.series_id = o.series_id AND (s.t // {width}) * {width} = o.bucket
                GROUP BY s.series_id, o.bucket;
                """));
            skipTouched = Sql($"AND NOT EXISTS (SELECT 1 FROM ({touched}) o WHERE o.series_id = b.series_id AND o.bucket = (b.ts // {width}) * {width})");
        }

        Execute(connection, Sql($"""
            INSERT INTO {table}_recent
            SELECT b.series_id, (b.ts // {width}) * {width} AS bucket, min(b.value), max(b.value), sum(b.value), count(*),
                arg_max(b.value, b.ts), max(b.ts)
            FROM staging_samples b WHERE b.ts >= {oldest} AND {DuckDbStaleMarker.IsValue("b.value")} {skipTouched}
            GROUP BY b.series_id, bucket
            """));
    }

    /// <summary>
    /// The per-name tier of the general path, after the series tier of the same width: the batch's partial per
    /// name and bucket, except for buckets holding an overwritten sample, which are recomputed from the series tier.
    /// </summary>
    private static void UpdateNameRollup(DuckDBConnection connection, string table, long width, PreparedBatch batch, long oldest, bool overwrites)
    {
        var lo = Floor(Math.Max(batch.MinTs, oldest), width);
        var hi = Floor(batch.MaxTs, width) + width;
        var touched = Sql($"""
            SELECT DISTINCT s.name, (o.ts // {width}) * {width} AS bucket
            FROM staging_overwrites o JOIN series s ON s.id = o.series_id WHERE o.ts >= {oldest}
            """);
        var skipTouched = "";
        if (overwrites)
        {
            Execute(connection, Sql($"""
                DELETE FROM {table}_name r USING ({touched}) o
                WHERE r.name = o.name AND r.bucket = o.bucket AND r.bucket >= {lo} AND r.bucket < {hi};
                DELETE FROM {table}_name_recent r USING ({touched}) o
                WHERE r.name = o.name AND r.bucket = o.bucket AND r.bucket >= {lo} AND r.bucket < {hi};
                INSERT INTO {table}_name_recent
                SELECT s.name, r.bucket, min(r.min), max(r.max), sum(r.sum), sum(r.count), arg_max(r.last, r.last_ts), max(r.last_ts)
                FROM (SELECT * FROM {table} UNION ALL SELECT * FROM {table}_recent) r JOIN series s ON s.id = r.series_id
                JOIN ({touched}) o ON o.name = s.name AND o.bucket = r.bucket
                WHERE r.bucket >= {lo} AND r.bucket < {hi}
                GROUP BY s.name, r.bucket;
                """));
            skipTouched = Sql($"AND NOT EXISTS (SELECT 1 FROM ({touched}) o WHERE o.name = s.name AND o.bucket = (b.ts // {width}) * {width})");
        }

        Execute(connection, Sql($"""
            INSERT INTO {table}_name_recent
            SELECT s.name, (b.ts // {width}) * {width} AS bucket, min(b.value), max(b.value), sum(b.value), count(*),
                arg_max(b.value, b.ts), max(b.ts)
            FROM staging_samples b JOIN series s ON s.id = b.series_id
            WHERE b.ts >= {oldest} AND {DuckDbStaleMarker.IsValue("b.value")} {skipTouched}
            GROUP BY s.name, bucket
            """));
    }

    private static long Floor(long ts, long width) => RollupPartial.BucketOf(ts, width);

    /// <summary>
    /// New series go in with the Appender: a fleet coming online brings thousands at once. The batch's new series
    /// are exactly those not stored (the catalog holds every stored series: this process is the file's only writer and
    /// adds a batch's series to it once the batch commits), so they are appended as they are, each once. Labels are
    /// also kept as a JSON object for the catalog's reload at start, written here without reflection.
    /// </summary>
    private static void InsertSeries(DuckDBConnection connection, IReadOnlyCollection<MetricSample> newSeries)
    {
        if (newSeries.Count == 0)
        {
            return;
        }

        var json = new ArrayBufferWriter<byte>(512);
        using var jsonWriter = new Utf8JsonWriter(json);
        using var series = connection.CreateAppender("series");
        using var labels = connection.CreateAppender("series_labels");
        foreach (var sample in newSeries)
        {
            var id = sample.SeriesId;
            json.ResetWrittenCount();
            jsonWriter.Reset(json);
            jsonWriter.WriteStartObject();
            foreach (var label in sample.Labels.Labels)
            {
                jsonWriter.WriteString(label.Name, label.Value);
                labels.CreateRow().AppendValue(id).AppendValue(label.Name).AppendValue(label.Value).EndRow();
            }

            jsonWriter.WriteEndObject();
            jsonWriter.Flush();
            series.CreateRow().AppendValue(id).AppendValue(sample.Name).AppendValue(Encoding.UTF8.GetString(json.WrittenSpan))
                .AppendValue(TypeName(sample.Type)).EndRow();
        }
    }

    /// <summary>The stored spelling of each <see cref="MetricType"/> (lower case), by value.</summary>
    private static readonly string[] TypeNames = [.. Enum.GetValues<MetricType>().OrderBy(t => (int)t).Select(t => t.ToString().ToLowerInvariant())];

    private static string TypeName(MetricType type) => (uint)type < (uint)TypeNames.Length ? TypeNames[(int)type] : "unknown";

    /// <summary>
    /// Bounds are written into the statement as integer literals rather than bound as parameters so that
    /// DuckDB prunes row groups by their min/max before scanning.
    /// </summary>
    private static string Sql(FormattableString sql) => sql.ToString(CultureInfo.InvariantCulture);

    private static int Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
