using System.ComponentModel.DataAnnotations;

namespace AirisEpm.TraceService.Storage;

/// <summary>Which store keeps the spans, where, and for how long (section <c>Traces:Store</c>).</summary>
public sealed class TraceStoreOptions
{
    public const string Section = "Traces:Store";

    /// <summary>
    /// <c>DuckDb</c> (the default: embedded, nothing to run beside the service) or <c>ClickHouse</c> (production:
    /// a server or cluster that scales past one machine's disk).
    /// </summary>
    [RegularExpression("^(DuckDb|ClickHouse)$")]
    public string Provider { get; set; } = "DuckDb";

    /// <summary>
    /// The folder of the DuckDB file (<c>traces.duckdb</c>, DuckDB's <c>traces.duckdb.wal</c> and the store's own write-ahead
    /// log folder <c>traces.wal/</c>), relative to the content root;
    /// created on start. <c>data</c> is the folder every embedded store of the repository uses (.gitignore, Dockerfile).
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>ClickHouse.Driver connection string, e.g. <c>Host=localhost;Port=8123;Database=airis</c>.</summary>
    public string ClickHouseConnectionString { get; set; } = "Host=localhost;Port=8123";

    /// <summary>
    /// Spans are kept 7 days: traces are looked at within hours of an incident, spans are the largest signal by
    /// volume, and a week is what Jaeger deployments commonly keep (its index cleaner is run with 7 days).
    /// ClickHouse also gets it as the table TTL (whole days, rounded up).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How the embedded store applies its write-ahead log to DuckDB (<c>Traces:Store:DuckDb</c>).</summary>
    public DuckDb.DuckDbWriteOptions DuckDb { get; set; } = new();

    /// <summary>How often the retention job runs; hourly keeps each delete to about an hour of spans.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The DuckDB file inside <see cref="DataDirectory"/>, resolved against the content root.</summary>
    public string DuckDbPath(string contentRoot) =>
        Path.Combine(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory), "traces.duckdb");
}
