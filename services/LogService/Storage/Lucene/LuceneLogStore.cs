using AirisEpm.LogService.Domain;
using AirisEpm.ServiceDefaults.WriteAhead;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The embedded log store: one Lucene index per time partition under <see cref="LogStoreOptions.DataPath"/>
/// and a write-ahead log in its <c>wal/</c> folder.
/// <para>
/// Durability: <see cref="AppendAsync"/> writes the batch to the WAL and returns once it is fsync'd
/// (concurrent appends share one fsync); the records are indexed into the partitions' writers behind the
/// acknowledgement, many appends at a time (<see cref="LogApplyQueue"/>). Lucene commits run every
/// <see cref="LogStoreOptions.CommitInterval"/> or once the WAL passes <see cref="LogStoreOptions.MaxWalBytes"/>,
/// and truncate the WAL; <see cref="InitializeAsync"/> replays whatever WAL is left (what the last commit may lack).
/// </para>
/// <para>
/// Visibility: an append does not refresh any reader itself. A read issued after <see cref="AppendAsync"/>
/// returned sees its records: it first waits for the appends acknowledged before it to be indexed (503 past
/// <see cref="LogStoreOptions.ReadWaitTimeout"/>), and refreshes each partition written since its searcher was
/// opened. While people search, a background refresh every <see cref="LogStoreOptions.RefreshInterval"/>
/// (one second) does that work ahead of them; after <see cref="LogStoreOptions.SearchIdleAfter"/> without
/// a search it pauses, as Elasticsearch's search-idle shards do, so pure ingest pays for no refreshes.
/// </para>
/// </summary>
public sealed partial class LuceneLogStore : ILogStore, IDisposable
{
    private readonly LogStoreOptions _options;
    private readonly string _dataPath;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Appends, commits and searches hold it shared (only around synchronous Lucene calls, never across an
    // await); retention holds it exclusively while it closes expired partitions, so no one is inside a
    // partition's writer or searcher manager while it is disposed.
    private readonly ReaderWriterLockSlim _lifecycle = new();

    // One commit at a time (timer, retention, shutdown): rotate, commit and truncate must not interleave,
    // or one commit could delete a WAL segment whose records another has not committed yet.
    private readonly SemaphoreSlim _committing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private LogPartitions? _partitions;
    private WriteAheadLog? _wal;
    private LogApplyQueue? _applyQueue;
    private Task _maintenance = Task.CompletedTask;
    private long _lastCommit;
    private long _lastRefresh;
    private long _lastSearch = long.MinValue;
    private bool _disposed;

    public LuceneLogStore(IOptions<LogStoreOptions> options, string dataPath, TimeProvider? time = null, ILogger<LuceneLogStore>? logger = null)
    {
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PartitionWidth, TimeSpan.FromHours(1));
        _dataPath = dataPath;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<LuceneLogStore>.Instance;
    }

    private LogPartitions Partitions => _partitions ?? throw new InvalidOperationException("The log store is not initialised.");

    private WriteAheadLog Wal => _wal ?? throw new InvalidOperationException("The log store is not initialised.");

    private LogApplyQueue Applying => _applyQueue ?? throw new InvalidOperationException("The log store is not initialised.");

    /// <summary>Records acknowledged (in the WAL) and not yet indexed.</summary>
    public int PendingRecords => _applyQueue?.PendingRecords ?? 0;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_partitions is not null)
        {
            return Task.CompletedTask;
        }

        Directory.CreateDirectory(_dataPath);
        PartitionMigration.Run(_dataPath, _logger);
        var partitions = new LogPartitions(_dataPath, _options.PartitionWidth.Ticks * 100);
        partitions.OpenExisting();
        var walFolder = Path.Combine(_dataPath, "wal");
        var (lastSegment, records) = Replay(partitions, walFolder);
        foreach (var partition in partitions.All())
        {
            partition.Commit();
        }

        _wal = WriteAheadLog.Open(walFolder);
        if (lastSegment is { } replayedThrough)
        {
            _wal.DeleteThrough(replayedThrough);
            LogReplayed(_logger, records, replayedThrough);
        }

        _partitions = partitions;
        _applyQueue = new LogApplyQueue(_options, Apply, _logger);
        _applyQueue.Start();
        _lastCommit = _time.GetTimestamp();
        _maintenance = Task.Run(() => MaintainAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (records.Count == 0)
        {
            return;
        }

        foreach (var record in records)
        {
            if (record.Id.Length > LogDocuments.MaxKeywordLength)
            {
                throw new ArgumentException($"A record id has {record.Id.Length} characters; the store takes at most {LogDocuments.MaxKeywordLength}.", nameof(records));
            }
        }

        // Each record is serialised once, for its stored source and for the WAL payload; its document is built
        // when it is indexed, from the applying thread's reused fields (LogDocumentBuilder).
        await Applying.WaitForRoomAsync(records.Count, cancellationToken).ConfigureAwait(false);
        var sources = new byte[records.Count][];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = LogRecordJson.Serialize(records[i]);
        }

        WalSegment segment;
        using (var payload = LogRecordJson.ArrayOf(sources))
        {
            segment = await Wal.AppendAsync(payload.Memory).ConfigureAwait(false);
        }

        Applying.Add([.. records], sources, segment); // a copy: the caller's list is its own again once this returns
    }

    /// <summary>
    /// Indexes logged appends (the apply queue's loop), split over <see cref="LogStoreOptions.IndexingThreads"/>
    /// threads; a retry on one thread, skipping what the failed attempt indexed (<see cref="AlreadyIndexed"/>).
    /// </summary>
    private void Apply(IReadOnlyList<LoggedAppend> appends, bool retry)
    {
        _lifecycle.EnterReadLock(); // held by this thread for the helpers too: retention waits for all of them
        try
        {
            var batch = IndexingBatch.Of(appends);
            var threads = IndexingBatch.Threads(batch.Count, _options.IndexingThreads is > 0 and var n ? n : Environment.ProcessorCount, _options.MinRecordsPerIndexingThread);
            if (retry)
            {
                IndexMissing(batch);
                return;
            }

            if (threads == 1)
            {
                Index(batch, 0, batch.Count);
                return;
            }

            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, slice =>
            {
                var (start, end) = IndexingBatch.Slice(batch.Count, threads, slice);
                Index(batch, start, end);
            });
        }
        finally
        {
            _lifecycle.ExitReadLock();
        }
    }

    private void Index(IndexingBatch batch, int start, int end)
    {
        var builder = LogDocumentBuilder.ForThread; // this thread's reused document: indexed before the next is built
        for (var i = start; i < end; i++)
        {
            var record = batch.Records[i];
            Partitions.For(record.TimestampNs).Add(builder.Build(record, batch.Sources[i]));
        }
    }

    private void IndexMissing(IndexingBatch batch)
    {
        var builder = LogDocumentBuilder.ForThread;
        using var indexed = new AlreadyIndexed();
        for (var i = 0; i < batch.Count; i++)
        {
            var (record, source) = (batch.Records[i], batch.Sources[i]);
            indexed.Add(Partitions.For(record.TimestampNs), record, () => builder.Build(record, source));
        }
    }

    /// <summary>Returns once every append acknowledged before the call is indexed (read-your-writes); 503 past the read wait.</summary>
    private Task WaitAppliedAsync(CancellationToken cancellationToken) => Applying.WaitAppliedAsync(cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Wal.Failed)
        {
            throw new IOException("The write-ahead log failed; restart the service.");
        }

        if (!Directory.Exists(_dataPath))
        {
            throw new DirectoryNotFoundException($"The log data folder {_dataPath} is gone.");
        }

        return Task.CompletedTask;
    }

    /// <summary>Commits every partition and empties the WAL (also run on a timer and at shutdown).</summary>
    public async Task CommitAsync()
    {
        await _committing.WaitAsync().ConfigureAwait(false);
        try
        {
            // Sealing waits for the sealed segment's appends to be indexed: have them indexed now.
            Applying.Wake();
            long? sealedThrough = Wal.CurrentBytes > 0 ? await Wal.RotateAsync().ConfigureAwait(false) : null;
            _lifecycle.EnterReadLock();
            try
            {
                foreach (var partition in Partitions.All())
                {
                    partition.Commit();
                }
            }
            finally
            {
                _lifecycle.ExitReadLock();
            }

            if (sealedThrough is { } number)
            {
                Wal.DeleteThrough(number);
            }

            _lastCommit = _time.GetTimestamp();
        }
        finally
        {
            _committing.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        _maintenance.GetAwaiter().GetResult();
        if (_partitions is not null)
        {
            _applyQueue!.Dispose(); // indexes what is queued; what fails stays in the WAL for the next start
            if (_applyQueue.PendingRecords == 0)
            {
                CommitAsync().GetAwaiter().GetResult();
            }
            else
            {
                // Sealing the WAL would wait for appends that will never be indexed: keep it whole for the replay.
                foreach (var partition in _partitions.All())
                {
                    partition.Commit();
                }
            }

            _partitions.Dispose();
            _wal!.Dispose();
        }

        _stopping.Dispose();
        _lifecycle.Dispose();
        _committing.Dispose();
    }

    /// <summary>Indexes every intact frame of the WAL segments left on disk that the partitions lack; returns the last segment's number and the records indexed.</summary>
    private (long? LastSegment, long Records) Replay(LogPartitions partitions, string walFolder)
    {
        var existing = WriteAheadLog.Existing(walFolder);
        var builder = LogDocumentBuilder.ForThread;
        using var indexed = new AlreadyIndexed(); // the last commit may hold records the WAL still has
        long records = 0;
        foreach (var (_, path) in existing)
        {
            using var file = File.OpenRead(path);
            var payloads = WalFrame.ReadAll(file, out _, out var torn);
            if (torn > 0)
            {
                LogTornTail(_logger, path, torn);
            }

            foreach (var record in payloads.SelectMany(p => LogRecordJson.DeserializeBatch(p)))
            {
                if (indexed.Add(partitions.For(record.TimestampNs), record, () => builder.Build(record, LogRecordJson.Serialize(record))))
                {
                    records++;
                }
            }
        }

        return (existing.Count > 0 ? existing[^1].Number : null, records);
    }

    private async Task MaintainAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.MaintenanceTick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    var lastSearch = Volatile.Read(ref _lastSearch);
                    if (lastSearch != long.MinValue && _time.GetElapsedTime(lastSearch) < _options.SearchIdleAfter && _time.GetElapsedTime(_lastRefresh) >= _options.RefreshInterval)
                    {
                        RefreshAll();
                        _lastRefresh = _time.GetTimestamp();
                    }

                    if (_time.GetElapsedTime(_lastCommit) >= _options.CommitInterval || Wal.CurrentBytes >= _options.MaxWalBytes)
                    {
                        await CommitAsync().ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    LogMaintenanceFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private void RefreshAll()
    {
        _lifecycle.EnterReadLock();
        try
        {
            foreach (var partition in Partitions.All())
            {
                partition.Refresh();
            }
        }
        finally
        {
            _lifecycle.ExitReadLock();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Records} log records from the write-ahead log through segment {Segment}")]
    private static partial void LogReplayed(ILogger logger, long records, long segment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored the torn last {Bytes} bytes of {Path} (a write cut short by a crash; never acknowledged)")]
    private static partial void LogTornTail(ILogger logger, string path, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing or committing the log indexes failed; retrying at the next tick")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);
}
