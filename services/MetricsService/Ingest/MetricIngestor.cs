using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest.Wal;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.WriteAhead;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>
/// Every ingest path hands its samples here. They are acknowledged once durable in the write-ahead log
/// (<see cref="MetricWal"/>: one fsync per group of concurrent batches), then queued without waiting on the batching
/// writer, which applies them to the store in large batches; a read waits for them (<see cref="PendingWrites"/>).
/// Room in that queue is awaited before the append (up to <see cref="WalOptions.AdmissionWait"/>: a store that is
/// merely slower than the senders slows their answers down), so a refused batch (429/503 with Retry-After) costs no fsync.
/// </summary>
public sealed partial class MetricIngestor(
    BatchingWriter<MetricSample> writer, MetricWal wal, PendingWrites pending, IOptions<WalOptions> options, ILogger<MetricIngestor> logger) : IMetricIngestor
{
    public async Task IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        await writer.WaitForRoomAsync(samples.Count, options.Value.AdmissionWait, cancellationToken);
        WalSegment segment;
        try
        {
            segment = await wal.AppendAsync(samples);
        }
        catch (IOException e)
        {
            LogWalFailed(logger, e);
            throw new BackpressureException("The write-ahead log cannot be written; nothing was stored.", 503, TimeSpan.FromSeconds(10));
        }

        Task stored;
        try
        {
            stored = pending.Track(() => writer.EnqueueDurable(samples), writer.RequestFlush);
        }
        catch
        {
            // Refused after all (shutdown began): the frame is replayed at the next start, harmlessly.
            segment.Complete();
            throw;
        }

        _ = stored.ContinueWith(static (_, state) => ((WalSegment)state!).Complete(), segment,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending to the write-ahead log failed; ingest answers 503 until the service is restarted")]
    private static partial void LogWalFailed(ILogger logger, Exception exception);
}
