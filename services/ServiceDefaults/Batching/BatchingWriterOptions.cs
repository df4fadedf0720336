using System.ComponentModel.DataAnnotations;

namespace AirisEpm.ServiceDefaults.Batching;

/// <summary>Tuning of a <see cref="BatchingWriter{T}"/>.</summary>
public sealed class BatchingWriterOptions
{
    /// <summary>
    /// Items held in memory before writers are pushed back (429). 200,000 metric samples are a few
    /// tens of MB: enough to ride out a store hiccup of a few seconds at full ingest rate.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int Capacity { get; set; } = 200_000;

    /// <summary>Flush once this many items wait. Columnar stores like inserts of thousands of rows.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Flush at least this often, so a trickle of data is not held back.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Group commit: flush as soon as the sink is idle instead of waiting for a full batch or the interval.
    /// A lone request is written at once; requests arriving while a write is in flight share the next one,
    /// so batches grow with the load and small requests never wait <see cref="FlushInterval"/>. Off by
    /// default: a sink whose cost is per write (not per item) and that is fed large batches needs no more.
    /// </summary>
    public bool FlushWhenIdle { get; set; }

    /// <summary>First retry delay after a failed write; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a request waits for its items to become durable before it is answered 503.
    /// The items stay queued and are still written: the client's retry may duplicate, never lose.
    /// </summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long shutdown keeps retrying to flush what is queued.</summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
