using System.Collections.Concurrent;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.WriteAhead;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Ingest.Wal;

/// <summary>
/// metrics-service's write-ahead log (<see cref="WriteAheadLog"/>, shared with log-service): a batch is acknowledged
/// once its frame is fsync'd, one fsync serving every batch that waits at that moment (group commit), and reaches the
/// store later, in large batches, through the batching writer. Frames hold series ids (<see cref="SampleWalCodec"/>):
/// a series is defined in the first frame that brings it after the store and the log last knew it, which is safe
/// because a segment is deleted only once everything in it is in the store (so its definitions are too).
/// At start every segment left is replayed into the store before anything is accepted.
/// </summary>
public sealed partial class MetricWal(string folder, IOptions<WalOptions> options, ILogger<MetricWal> logger) : IDisposable
{
    private readonly WalOptions _options = options.Value;

    // Series defined in the store or in a durable frame. Only grows: the store never forgets a series it was given.
    private readonly ConcurrentDictionary<long, byte> _defined = new();

    // One rotation at a time: a second one's DeleteThrough would also delete the first one's sealed segment before it drained.
    private readonly SemaphoreSlim _rotation = new(1, 1);
    private WriteAheadLog? _log;
    private volatile bool _disposed;

    public string Folder => folder;

    /// <summary>Replays what the last process left into <paramref name="store"/>, then opens the log; returns the samples replayed.</summary>
    public async Task<long> OpenAsync(IMetricStore store, CancellationToken cancellationToken)
    {
        var existing = WriteAheadLog.Existing(folder);
        var definitions = new Dictionary<long, SeriesDefinition>();
        foreach (var series in await store.FindSeriesAsync(new SeriesSelector(null, []), cancellationToken))
        {
            definitions[series.Id] = new SeriesDefinition(series.Name, series.Labels, MetricType.Unknown); // stored: its type is not written again
        }

        var (replayed, skipped) = await ReplayAsync(existing, definitions, store, cancellationToken);
        foreach (var id in definitions.Keys)
        {
            _defined.TryAdd(id, 0);
        }

        _log = WriteAheadLog.Open(folder);
        if (existing.Count > 0)
        {
            _log.DeleteThrough(existing[^1].Number);
            LogReplayed(logger, replayed, existing.Count, skipped);
        }

        return replayed;
    }

    private async Task<(long Replayed, long Skipped)> ReplayAsync(
        IReadOnlyList<(long Number, string Path)> segments, Dictionary<long, SeriesDefinition> definitions, IMetricStore store, CancellationToken cancellationToken)
    {
        long replayed = 0, skipped = 0;
        var batch = new List<MetricSample>();
        foreach (var (_, path) in segments)
        {
            IReadOnlyList<byte[]> payloads;
            using (var file = File.OpenRead(path))
            {
                // A torn tail (a crash mid-write) ends the intact frames; nothing after it was acknowledged.
                payloads = WalFrame.ReadAll(file, out _, out _);
            }

            foreach (var payload in payloads)
            {
                try
                {
                    skipped += SampleWalCodec.Decode(payload, definitions, batch);
                }
                catch (InvalidDataException e)
                {
                    LogBadFrame(logger, e, path);
                    skipped++;
                }

                if (batch.Count >= _options.ReplayBatchSize)
                {
                    await store.WriteAsync(batch, cancellationToken);
                    (replayed, batch) = (replayed + batch.Count, []);
                }
            }
        }

        await store.WriteAsync(batch, cancellationToken);
        return (replayed + batch.Count, skipped);
    }

    /// <summary>
    /// Returns once the batch is fsync'd (throws <see cref="IOException"/> when it cannot be). Call
    /// <see cref="WalSegment.Complete"/> on the result once the batch is in the store, or given up.
    /// </summary>
    public async Task<WalSegment> AppendAsync(IReadOnlyList<MetricSample> samples)
    {
        var log = _log ?? throw new InvalidOperationException("The write-ahead log is not open.");
        List<MetricSample>? newSeries = null;
        HashSet<long>? seen = null;
        foreach (var sample in samples)
        {
            if (!_defined.ContainsKey(sample.SeriesId) && (seen ??= []).Add(sample.SeriesId))
            {
                (newSeries ??= []).Add(sample);
            }
        }

        WalSegment segment;
        using (var payload = SampleWalCodec.Encode(samples, (IReadOnlyList<MetricSample>?)newSeries ?? []))
        {
            segment = await log.AppendAsync(payload.Memory);
        }

        // Only now: a batch that skips a definition because of this entry is appended after this durable frame.
        foreach (var series in newSeries ?? [])
        {
            _defined.TryAdd(series.SeriesId, 0);
        }

        if (log.CurrentBytes >= _options.SegmentBytes && _rotation.Wait(0))
        {
            _ = Task.Run(() => RotateAsync(log));
        }

        return segment;
    }

    /// <summary>At shutdown, after the batching writer's last flush: deletes every segment whose batches are all in the store.</summary>
    public async Task CloseAsync(TimeSpan timeout)
    {
        if (_disposed || _log is not { } log || !await _rotation.WaitAsync(timeout))
        {
            return;
        }

        try
        {
            if (_disposed)
            {
                return; // disposed while waiting (a test host may dispose before it stops): the next start replays what is left
            }

            if (log.CurrentBytes > 0)
            {
                var rotation = log.RotateAsync();
                if (await Task.WhenAny(rotation, Task.Delay(timeout)) == rotation)
                {
                    log.DeleteThrough(await rotation);
                }
            }
        }
        finally
        {
            _rotation.Release();
        }
    }

    private async Task RotateAsync(WriteAheadLog log)
    {
        try
        {
            log.DeleteThrough(await log.RotateAsync());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRotationFailed(logger, e);
        }
        finally
        {
            _rotation.Release();
        }
    }

    // The semaphore is not disposed: it holds no wait handle, and a late CloseAsync or rotation may still touch it.
    public void Dispose()
    {
        _disposed = true;
        _log?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Samples} samples from {Segments} write-ahead log segments ({Skipped} unreadable or of unknown series)")]
    private static partial void LogReplayed(ILogger logger, long samples, int segments, long skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "A frame of {Path} is not a metrics write-ahead log payload; skipped")]
    private static partial void LogBadFrame(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rotating the write-ahead log failed; the next append past the segment size tries again")]
    private static partial void LogRotationFailed(ILogger logger, Exception exception);
}
