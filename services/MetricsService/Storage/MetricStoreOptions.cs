using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Storage;

/// <summary>Which store keeps the samples and how long each tier is kept (section <c>Metrics:Store</c>).</summary>
public sealed class MetricStoreOptions
{
    public const string Section = "Metrics:Store";

    /// <summary><c>duckdb</c> (embedded, the default: nothing to run beside the service) or <c>clickhouse</c>.</summary>
    [RegularExpression("^(duckdb|clickhouse)$")]
    public string Kind { get; set; } = "duckdb";

    /// <summary>The DuckDB file, relative to the content root; its folder is created on start.</summary>
    [Required]
    public string DuckDbPath { get; set; } = "data/metrics.duckdb";

    /// <summary>ClickHouse.Driver connection string, e.g. <c>Host=localhost;Port=8123;Database=airis</c>.</summary>
    public string ClickHouseConnectionString { get; set; } = "Host=localhost;Port=8123";

    /// <summary>Raw samples: 90 days, as Prometheus-class systems keep full resolution for about a quarter.</summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>1-minute rollups: one year, enough for year-over-year comparison at minute resolution.</summary>
    public TimeSpan MinuteRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>1-hour rollups: five years of capacity-planning history at about 44k rows per series.</summary>
    public TimeSpan HourRetention { get; set; } = TimeSpan.FromDays(5 * 365);

    /// <summary>How often the retention job runs; hourly keeps deletes small.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Samples up to this old update the rollups; older ones are kept raw only. Seven days covers
    /// remote_write catching up after a long outage while bounding how far back one backfill batch can
    /// make the store recompute buckets (an overwritten sample's bucket is recomputed from raw).
    /// </summary>
    public TimeSpan LateSampleWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// DuckDB appends one partial rollup row per series and bucket per batch and merges the partial rows of
    /// the buckets written since the last compaction once this many have been appended. 200,000 is
    /// 100 scrapes of a 2,000-series fleet: the merge then takes tens of milliseconds, once every
    /// 100 writes, and the 1m tier holds at most one batch's worth of extra rows per compacted bucket.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int RollupCompactionRows { get; set; } = 200_000;
}
