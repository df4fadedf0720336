using DuckDB.NET.Data;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// Versioned schema: each migration runs once, in order, in a transaction, and is recorded in
/// <c>schema_migrations</c>. Append new versions; never edit an applied one.
/// </summary>
internal static class DuckDbSchema
{
    private static readonly (int Version, string Description, string Sql)[] Migrations =
    [
        (1, "series, samples, 1m and 1h rollups", """
            CREATE TABLE series (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, labels VARCHAR NOT NULL, type VARCHAR NOT NULL);
            CREATE TABLE series_labels (series_id BIGINT NOT NULL, name VARCHAR NOT NULL, value VARCHAR NOT NULL);
            CREATE TABLE samples (series_id BIGINT NOT NULL, ts BIGINT NOT NULL, value DOUBLE NOT NULL, PRIMARY KEY (series_id, ts));
            CREATE TABLE staging_samples (series_id BIGINT NOT NULL, ts BIGINT NOT NULL, value DOUBLE NOT NULL);
            CREATE TABLE rollup_1m (series_id BIGINT NOT NULL, bucket BIGINT NOT NULL, min DOUBLE, max DOUBLE, sum DOUBLE,
                count BIGINT, last DOUBLE, last_ts BIGINT, PRIMARY KEY (series_id, bucket));
            CREATE TABLE rollup_1h (series_id BIGINT NOT NULL, bucket BIGINT NOT NULL, min DOUBLE, max DOUBLE, sum DOUBLE,
                count BIGINT, last DOUBLE, last_ts BIGINT, PRIMARY KEY (series_id, bucket));
            """),
        (2, "staging tables for bulk series inserts", """
            CREATE TABLE staging_series (id BIGINT NOT NULL, name VARCHAR NOT NULL, labels VARCHAR NOT NULL, type VARCHAR NOT NULL);
            CREATE TABLE staging_labels (series_id BIGINT NOT NULL, name VARCHAR NOT NULL, value VARCHAR NOT NULL);
            """),
        // ART primary-key indexes made each rollup upsert cost more than the aggregation itself; the single
        // writer replaces touched buckets with delete + insert in one transaction, which keeps them unique.
        (3, "rollup tables without primary-key indexes", """
            CREATE TABLE rollup_1m_v3 AS SELECT * FROM rollup_1m;
            DROP TABLE rollup_1m;
            ALTER TABLE rollup_1m_v3 RENAME TO rollup_1m;
            CREATE TABLE rollup_1h_v3 AS SELECT * FROM rollup_1h;
            DROP TABLE rollup_1h;
            ALTER TABLE rollup_1h_v3 RENAME TO rollup_1h;
            """),
        // Appending into the ART index of samples cost as much as the rest of a write. Overwrites are found by a
        // time-bounded join against the batch instead. Rollup rows become mergeable partials: each write appends
        // its own to rollup_*_recent, compaction merges those into rollup_1m/rollup_1h, reads merge both. The
        // complete rows of v3 are valid partials.
        (4, "samples without a primary-key index; recent partial rollup rows", """
            CREATE TABLE samples_v4 AS SELECT * FROM samples ORDER BY ts, series_id;
            DROP TABLE samples;
            ALTER TABLE samples_v4 RENAME TO samples;
            CREATE TABLE staging_overwrites (series_id BIGINT NOT NULL, ts BIGINT NOT NULL);
            CREATE TABLE rollup_1m_recent (series_id BIGINT NOT NULL, bucket BIGINT NOT NULL, min DOUBLE, max DOUBLE, sum DOUBLE,
                count BIGINT, last DOUBLE, last_ts BIGINT);
            CREATE TABLE rollup_1h_recent AS SELECT * FROM rollup_1m_recent;
            """),
        // A query over every series of a metric name into one line (group_by= with no matchers, what dashboards
        // ask most) reads one row per bucket instead of one per series and bucket. Filled from what is stored.
        (5, "per-metric-name rollups", """
            CREATE TABLE rollup_1m_name (name VARCHAR NOT NULL, bucket BIGINT NOT NULL, min DOUBLE, max DOUBLE, sum DOUBLE,
                count BIGINT, last DOUBLE, last_ts BIGINT);
            CREATE TABLE rollup_1m_name_recent AS SELECT * FROM rollup_1m_name;
            CREATE TABLE rollup_1h_name AS SELECT * FROM rollup_1m_name;
            CREATE TABLE rollup_1h_name_recent AS SELECT * FROM rollup_1m_name;
            INSERT INTO rollup_1m_name
            SELECT s.name, r.bucket, min(r.min), max(r.max), sum(r.sum), sum(r.count), arg_max(r.last, r.last_ts), max(r.last_ts)
            FROM (SELECT * FROM rollup_1m UNION ALL SELECT * FROM rollup_1m_recent) r JOIN series s ON s.id = r.series_id
            GROUP BY s.name, r.bucket ORDER BY r.bucket;
            INSERT INTO rollup_1h_name
            SELECT s.name, r.bucket, min(r.min), max(r.max), sum(r.sum), sum(r.count), arg_max(r.last, r.last_ts), max(r.last_ts)
            FROM (SELECT * FROM rollup_1h UNION ALL SELECT * FROM rollup_1h_recent) r JOIN series s ON s.id = r.series_id
            GROUP BY s.name, r.bucket ORDER BY r.bucket;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies the migrations not applied yet, up to <paramref name="upTo"/> (tests build older schemas with it).</summary>
    public static void Migrate(DuckDBConnection connection, int upTo = int.MaxValue)
    {
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)
            """);
        using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var applied = Convert.ToInt32(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (version, description, sql) in Migrations.Where(m => m.Version > applied && m.Version <= upTo))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, sql);
            using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_migrations (version, description) VALUES ($v, $d)";
            record.Parameters.Add(new DuckDBParameter("v", version));
            record.Parameters.Add(new DuckDBParameter("d", description));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
