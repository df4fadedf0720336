using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Ingest.Wal;

/// <summary>The ingest write-ahead log (section <c>Metrics:Ingest:Wal</c>).</summary>
public sealed class WalOptions
{
    public const string Section = "Metrics:Ingest:Wal";

    /// <summary>
    /// The log's folder, relative to the content root. Empty: beside the DuckDB file (<c>data/metrics.duckdb</c> →
    /// <c>data/metrics.wal</c>), so a host given its own data file gets its own log with it.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// A segment is sealed and a new one started past 16 MB (about 700,000 samples of known series); a sealed
    /// segment is deleted once all of it is in the store. What is left at a crash is replayed at start, so this
    /// bounds replay to about two segments.
    /// </summary>
    [Range(64 * 1024, 1L << 30)]
    public long SegmentBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// A read waits for the samples acknowledged before it to reach the store (read-your-writes); past this it is
    /// answered 503 with Retry-After instead of with data that lacks them. Ten seconds is many applies even when
    /// the store is slow.
    /// </summary>
    public TimeSpan ReadWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a batch waits for room in the applier's queue before it is refused (429, 503 for remote_write):
    /// ten seconds turns a store that is merely slower than the senders, or busy with a checkpoint on a loaded
    /// machine (single 250,000-sample writes of over a second were seen at load average 26), into slower answers,
    /// which a closed-loop sender such as a Prometheus shard follows, while one that has stalled is reported well
    /// inside their timeouts (Prometheus's remote_timeout is 30 s).
    /// </summary>
    public TimeSpan AdmissionWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Samples per store write while replaying at start: large batches, as the applier writes them.</summary>
    [Range(1, 10_000_000)]
    public int ReplayBatchSize { get; set; } = 100_000;
}
