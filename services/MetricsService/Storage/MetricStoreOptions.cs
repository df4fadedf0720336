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

    /// <summary>
    /// DuckDB's own memory cap (its buffer pool of cached blocks and query memory; its default is 80 % of the machine).
    /// Blocks it lets go of are read again from the file, which the OS caches, so a small cap costs little: 256 MB holds
    /// the working set of a day of 10,000 series. A DuckDB size (<c>512MB</c>, <c>1GB</c>).
    /// </summary>
    [RegularExpression(@"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")]
    public string DuckDbMemoryLimit { get; set; } = "256MB";

    /// <summary>DuckDB's worker threads; 0 for one per core (its default). They serve the scans of large reads.</summary>
    [Range(0, 256)]
    public int DuckDbThreads { get; set; }

    /// <summary>
    /// DuckDB's allocator (jemalloc) hands memory back to the system after a task whose peak passed this (DuckDB's
    /// default is 128 MB, so an ingest burst's memory stayed resident for good). A DuckDB size; 32 MB costs a flush
    /// after large writes and reads only.
    /// </summary>
    [RegularExpression(@"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")]
    public string DuckDbAllocatorFlushThreshold { get; set; } = "32MB";

    /// <summary>DuckDB's allocator threads that return freed memory in the background (DuckDB's default: off).</summary>
    public bool DuckDbAllocatorBackgroundThreads { get; set; } = true;

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

    /// <summary>
    /// The embedded store's in-memory head keeps at most this many of each series' newest samples (between three
    /// quarters of it and all of it once full: it lets go of a quarter at a time). 64 is 12–16 minutes at a 15-second
    /// scrape interval (an instant query's 5-minute lookback, a rule's <c>rate(x[5m])</c>) and about an hour at one
    /// minute, at 16 bytes a sample: 100 MB at most for 100,000 series. 0 turns the head off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int HeadMaxSamplesPerSeries { get; set; } = 64;

    /// <summary>The head lets go of samples older than this before a series' newest one (Prometheus's head spans 2–3 hours).</summary>
    public TimeSpan HeadWindow { get; set; } = TimeSpan.FromHours(2);
}
