using System.Threading.Channels;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Syslog;

/// <summary>
/// The records of every syslog connection, queued and handed to the ingestor in batches of up to
/// <see cref="SyslogOptions.MaxBatchRecords"/>: whatever is queued when the previous batch is stored,
/// plus what arrives within <see cref="SyslogOptions.BatchWindow"/>. One batch is in flight at a time,
/// so records are stored in the order they arrived on each connection.
/// <para>
/// Nothing accepted here is dropped. When the ingestor pushes back (<see cref="BackpressureException"/>)
/// or fails, the same batch is retried after the hint (or a doubling delay) until it is stored. Meanwhile
/// the queue fills, <see cref="AddAsync"/> stops returning, connections stop reading, and TCP flow
/// control makes the senders queue (rsyslog holds messages in its action queue). As for every ingest
/// path, a retry may duplicate but never lose: a batch whose first attempt hit the writer's ack timeout
/// (503, still queued) is written twice, under the same ids (write-ahead-log replay keeps one of each).
/// Only a shutdown that outlasts the host's timeout abandons what is queued, and says how much.
/// </para>
/// </summary>
public sealed partial class SyslogBatcher
{
    private static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ILogIngestor _ingestor;
    private readonly SyslogOptions _options;
    private readonly SyslogMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<LogRecord> _queue;

    public SyslogBatcher(ILogIngestor ingestor, IOptions<SyslogOptions> options, SyslogMetrics metrics, TimeProvider time, ILogger<SyslogBatcher> logger)
    {
        _ingestor = ingestor;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<LogRecord>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Records waiting for a batch.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Queues <paramref name="records"/> in order, waiting while the queue is full.</summary>
    public async ValueTask AddAsync(List<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (!_queue.Writer.TryWrite(record)) await _queue.Writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No more records will be added: <see cref="RunAsync"/> ends once the queue is stored.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Stores batches until <see cref="Complete"/> and an empty queue; <paramref name="abort"/> gives up at once.</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        var reader = _queue.Reader;
        List<LogRecord>? batch = null;
        try
        {
            while (await reader.WaitToReadAsync(abort).ConfigureAwait(false))
            {
                batch = new List<LogRecord>(Math.Min(_options.MaxBatchRecords, Math.Max(reader.Count, 16)));
                Take(batch);
                if (batch.Count < _options.MaxBatchRecords && _options.BatchWindow > TimeSpan.Zero)
                {
                    await Task.Delay(_options.BatchWindow, _time, abort).ConfigureAwait(false);
                    Take(batch);
                }
                await StoreAsync(batch, abort).ConfigureAwait(false);
                batch = null;
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            var abandoned = reader.Count + (batch?.Count ?? 0);
            if (abandoned > 0) LogAbandoned(_logger, abandoned);
        }
    }

    private void Take(List<LogRecord> batch)
    {
        while (batch.Count < _options.MaxBatchRecords && _queue.Reader.TryRead(out var record)) batch.Add(record);
    }

    private async Task StoreAsync(List<LogRecord> batch, CancellationToken abort)
    {
        var backoff = MinRetryDelay;
        while (true)
        {
            TimeSpan delay;
            try
            {
                await _ingestor.IngestAsync(batch, abort).ConfigureAwait(false);
                _metrics.Stored(batch.Count);
                return;
            }
            catch (BackpressureException e)
            {
                delay = e.RetryAfter < MinRetryDelay ? MinRetryDelay : e.RetryAfter > MaxRetryDelay ? MaxRetryDelay : e.RetryAfter;
                LogPushedBack(_logger, batch.Count, e.StatusCode, e.Message, delay);
            }
            catch (Exception e) when (!abort.IsCancellationRequested)
            {
                delay = backoff;
                backoff = backoff * 2 > MaxRetryDelay ? MaxRetryDelay : backoff * 2;
                LogFailed(_logger, e, batch.Count, delay);
            }
            _metrics.Retried();
            await Task.Delay(delay, _time, abort).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ingestor pushed back a syslog batch of {Count} records ({Status}: {Reason}); not reading syslog connections, retrying in {Delay}")]
    private static partial void LogPushedBack(ILogger logger, int count, int status, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a syslog batch of {Count} records failed; retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown timed out with {Count} syslog records not stored")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
