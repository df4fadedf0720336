using System.ComponentModel.DataAnnotations;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// How the embedded store applies its write-ahead log to DuckDB (section <c>Traces:Store:DuckDb</c>; see
/// <see cref="SpanWriteAhead"/>). Defaults measured with <c>bench/TraceIngest.Benchmarks</c> (<c>stages</c>).
/// </summary>
public sealed class DuckDbWriteOptions
{
    /// <summary>
    /// Spans per DuckDB transaction, at most. 131,072 is past DuckDB's row group (122,880 rows), from which it writes
    /// appended rows straight into the database file instead of into its own log and again at the checkpoint: a
    /// span then costs DuckDB a third of what it costs in transactions of 512 (14.5 against 40 µs of CPU, before the
    /// text columns replaced the lists).
    /// </summary>
    [Range(1, 10_000_000)]
    public int ApplyBatchSpans { get; set; } = 131_072;

    /// <summary>
    /// A smaller batch is applied after this long anyway; a read applies what it waits for at once. Ten seconds, so that
    /// a moderate rate still makes large transactions: at 5,000 spans/s a one-second interval made batches of 5,000,
    /// each span costing DuckDB three times what it costs in a full batch (its own log, then the checkpoint).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan ApplyInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Spans logged and not yet applied before a write waits for room: two batches (one being applied, one filling),
    /// about 100 MB of encoded rows in the log's files (only the batch being applied is read back into memory); beyond it
    /// the batching writer in front answers 429/503. It also bounds what a read
    /// waits for (<see cref="ReadWaitTimeout"/>): two batches take DuckDB a few seconds even on a loaded machine.
    /// </summary>
    [Range(1, 100_000_000)]
    public int CapacitySpans { get; set; } = 262_144;

    /// <summary>A log segment is sealed past 64 MB and deleted once all of it is applied, bounding a replay to about two segments.</summary>
    [Range(64 * 1024, 1L << 32)]
    public long SegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A read waits this long for the spans acknowledged before it to be applied, then is answered 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReadWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// DuckDB's <c>memory_limit</c> for the trace file (its buffers; what it allocates besides them is not counted). Its
    /// default is 80 % of the machine's memory, which it fills with the blocks it wrote and read; 256 MB holds a batch
    /// being applied (about 70 MB) and a lookup's blocks, and a larger search spills to disk. It kept the ingest
    /// benchmark's resident memory about 300 MB lower; 128 MB was within the noise of it (bench/TraceIngest.Benchmarks/README.md).
    /// </summary>
    [RegularExpression("^[0-9]{1,6}(KB|MB|GB)$")]
    public string MemoryLimit { get; set; } = "256MB";

    /// <summary>
    /// DuckDB's allocator (jemalloc) flush threshold for its worker threads after a task (DuckDB's default 128 MB); 32 MB as
    /// metrics-service. With <see cref="AllocatorBackgroundThreads"/> the allocator's own threads return what is freed.
    /// </summary>
    [RegularExpression("^[0-9]{1,6}(KB|MB|GB)$")]
    public string AllocatorFlushThreshold { get; set; } = "32MB";

    /// <summary>
    /// DuckDB's allocator threads that return freed memory in the background, about a second after it is freed (DuckDB's
    /// default: off, when freed memory waits for the next allocation in its arena). After the ingest benchmark's load
    /// DuckDB's allocator kept 206 MiB resident 5 s later without them, 33 MiB with them (bench/TraceIngest.Benchmarks/README.md).
    /// </summary>
    public bool AllocatorBackgroundThreads { get; set; } = true;

    /// <summary>The trace file's DuckDB settings, given when its database instance is created (<see cref="DuckDbStorage.DuckDbWriter"/>).</summary>
    internal IReadOnlyDictionary<string, string> DatabaseSettings() =>
        new Dictionary<string, string>(AllocatorSettings()) { ["memory_limit"] = MemoryLimit };

    /// <summary>
    /// The allocator's settings, for every DuckDB file of the process: the allocator and its background threads are one per
    /// process, and a database instance started without them switches the threads off again.
    /// </summary>
    internal IReadOnlyDictionary<string, string> AllocatorSettings() => new Dictionary<string, string>
    {
        ["allocator_flush_threshold"] = AllocatorFlushThreshold,
        ["allocator_background_threads"] = AllocatorBackgroundThreads ? "true" : "false",
    };

    internal void Validate()
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(MemoryLimit, "^[0-9]{1,6}(KB|MB|GB)$"))
        {
            throw new ArgumentException($"MemoryLimit '{MemoryLimit}' is not a size such as 256MB.", nameof(MemoryLimit));
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(AllocatorFlushThreshold, "^[0-9]{1,6}(KB|MB|GB)$"))
        {
            throw new ArgumentException($"AllocatorFlushThreshold '{AllocatorFlushThreshold}' is not a size such as 32MB.", nameof(AllocatorFlushThreshold));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ApplyBatchSpans, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(CapacitySpans, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentBytes, 64 * 1024);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ApplyInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReadWaitTimeout, TimeSpan.Zero);
    }
}
