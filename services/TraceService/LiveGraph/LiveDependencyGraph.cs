using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.SpanMetrics;
using AirisEpm.TraceService.Storage.Dependencies;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>
/// The dependency graph kept up to date at ingest: every durable batch goes through the
/// <see cref="DependencyExtractor"/> into the open (in-memory) buckets of a <see cref="DependencyGraph"/> and of
/// the entry operations. <see cref="CloseAsync"/> (called by <see cref="DependencyGraphTicker"/>) flushes the
/// extractor's waits and closes the buckets that ended <see cref="DependencyGraphOptions.CloseDelay"/> ago: they
/// are written to the <see cref="IDependencyStore"/>, then dropped from memory, and returned for anomaly judging.
/// A window is answered by merging the stored rows with the open buckets (<see cref="WindowAsync"/>).
/// <para>
/// Time: the extractor's waits and the closing run on the arrival clock (<see cref="TimeProvider"/>, faked in
/// tests); calls land in the bucket of their caller span's start. One async gate orders closing against
/// reading, so a bucket moving from memory to the store is counted exactly once by any read.
/// </para>
/// </summary>
public sealed partial class LiveDependencyGraph : ISpanBatchObserver, IDisposable
{
    private readonly DependencyExtractor _extractor;
    private readonly DependencyGraph _graph;
    private readonly OperationBucketStats _operations;
    private readonly IDependencyStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveDependencyGraph> _logger;
    private readonly long _closeDelayNs;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SharedPairing? _pairing;
    private readonly ServiceGraphMetrics? _metrics;

    /// <param name="pairing">Pairs what this replica cannot pair alone, with the other replicas (<see cref="DependencyGraphOptions.SharedPairing"/>); none when null.</param>
    /// <param name="metrics">Counts every call the graph records into per-edge series for metrics-service; none when null.</param>
    public LiveDependencyGraph(
        IOptions<DependencyGraphOptions> options, IDependencyStore store, TimeProvider time, ILogger<LiveDependencyGraph> logger, SharedPairing? pairing = null,
        ServiceGraphMetrics? metrics = null)
    {
        var o = options.Value;
        _pairing = pairing;
        _metrics = metrics;
        _extractor = new DependencyExtractor(o.Extractor());
        _graph = new DependencyGraph(o.BucketNs);
        _operations = new OperationBucketStats(o.BucketNs);
        _closeDelayNs = (long)o.CloseDelay.TotalNanoseconds;
        (_store, _time, _logger) = (store, time, logger);
    }

    public long BucketNs => _graph.BucketNs;

    public DependencyExtractorStats ExtractorStats => _extractor.Stats;

    /// <summary>Bytes the open buckets hold and how many edge-buckets that is (the live graph's memory).</summary>
    public (long HeapBytes, int EdgeBuckets) Memory => (_graph.HeapBytes(), _graph.EdgeBucketCount());

    public void OnDurable(IReadOnlyList<Span> batch)
    {
        try
        {
            Record(_extractor.Observe(batch, NowNs()));
            _operations.Record(batch);
        }
        catch (Exception e)
        {
            // The spans are stored whatever happens here; a bug in the analysis must not make the writer retry them.
            LogObserveFailed(_logger, e, batch.Count);
        }
    }

    /// <summary>
    /// Pairs the halves the extractor handed off since the last call in the replicas' shared state and records the calls
    /// this replica completed (the ticker calls it before each close); nothing without shared pairing.
    /// </summary>
    public async Task PairSharedAsync(CancellationToken cancellationToken)
    {
        if (_pairing is null) return;
        Record(_extractor.Flush(NowNs()));
        if (_extractor.TakeShared() is { Count: > 0 } halves)
            Record(await _pairing.PairAsync(halves, cancellationToken));
    }

    /// <summary>
    /// Flushes the waits, then stores and drops the buckets that ended at least the close delay ago (every open
    /// bucket when <paramref name="everything"/>: at shutdown, so a restart loses no calls; a bucket stored early
    /// and then continued after the restart is two rows, merged on read). When the store write fails the buckets go
    /// back into memory (the next close tries again) and the exception propagates.
    /// </summary>
    public async Task<ClosedBuckets> CloseAsync(CancellationToken cancellationToken, bool everything = false)
    {
        var now = NowNs();
        Record(_extractor.Flush(now));
        // Bucket [s, s + size) closes once now ≥ s + size + delay.
        var cutoff = everything ? long.MaxValue : now - _closeDelayNs - _graph.BucketNs + 1;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var edges = _graph.TakeBefore(cutoff);
            try
            {
                await _store.WriteAsync(edges, cancellationToken);
            }
            catch
            {
                foreach (var bucket in edges)
                    _graph.Add(bucket);
                throw;
            }
            return new ClosedBuckets(edges, _operations.TakeBefore(cutoff));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The graph over the buckets starting in [fromNs, toNs): stored rows and open buckets merged.</summary>
    public async Task<GraphWindow> WindowAsync(long fromNs, long toNs, CancellationToken cancellationToken)
    {
        var merged = new DependencyGraph(_graph.BucketNs);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var row in await _store.ReadAsync(fromNs, toNs, cancellationToken))
                merged.Add(row);
            foreach (var open in _graph.EdgeBuckets(fromNs, toNs))
                merged.Add(open);
        }
        finally
        {
            _gate.Release();
        }
        return merged.Window(fromNs, toNs);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Each call goes once into the graph and once into the edge series.</summary>
    private void Record(IReadOnlyList<ServiceCall> calls)
    {
        _graph.Record(calls);
        _metrics?.Record(calls);
    }

    private long NowNs() => (_time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    [LoggerMessage(Level = LogLevel.Error, Message = "The dependency graph could not take a batch of {SpanCount} stored spans")]
    private static partial void LogObserveFailed(ILogger logger, Exception exception, int spanCount);
}

/// <summary>What one close took out of memory: the stored edge-buckets and the entry operations' buckets.</summary>
public sealed record ClosedBuckets(
    IReadOnlyList<EdgeBucket> Edges,
    IReadOnlyList<(long BucketStartNs, Analysis.Bottlenecks.OperationKey Operation, BucketStats Stats)> Operations);
