using AirisEpm.Benchmarks;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Inside the server process: every 200 ms, its resident memory and what it is made of, keeping the sample with the
/// largest resident set since the last <see cref="Take"/> (the kernel's VmHWM is the exact peak; this says what the
/// peak held), and DuckDB's own largest total. Asking DuckDB costs the server a little CPU (one small query each time).
/// </summary>
internal sealed class PeakSampler(CountingTraceStore store) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private PeakSample _peak = PeakSample.None;
    private long _duckDbPeak;
    private Task _sampling = Task.CompletedTask;

    public void Start() => _sampling = Task.Run(SampleAsync);

    /// <summary>The largest sample and DuckDB's largest total since the previous call, then starts both again.</summary>
    public (PeakSample AtPeak, long DuckDbPeak) Take()
    {
        lock (_gate)
        {
            var taken = (_peak, _duckDbPeak);
            (_peak, _duckDbPeak) = (PeakSample.None, 0);
            return taken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        var self = Environment.ProcessId;
        do
        {
            var duckDb = (await store.DuckDbMemoryAsync()).Sum(t => t.Bytes);
            var rss = ProcessUsage.RssBytes(self);
            lock (_gate)
            {
                _duckDbPeak = Math.Max(_duckDbPeak, duckDb);
                if (rss > _peak.Rss)
                {
                    var (allocated, resident) = DuckDbAllocator.Read();
                    _peak = new PeakSample(rss, ProcessUsage.AnonymousBytes(self), ProcessUsage.FileBytes(self), GC.GetGCMemoryInfo().TotalCommittedBytes, duckDb, allocated, resident, store.PendingSpans);
                }
            }
        }
        while (await NextAsync(timer));
    }

    private async Task<bool> NextAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// One sample of the server's resident memory: anonymous (managed heap, DuckDB, the runtime's native memory) and
/// file-backed (mapped code), beside the managed heap's committed bytes (as of its last collection), DuckDB's own
/// total (<c>duckdb_memory()</c>: its buffers), what DuckDB has allocated (those buffers and its other allocations)
/// and what its allocator keeps resident (that, and what it freed and has not yet handed back); what is anonymous and neither managed nor DuckDB's
/// allocator's is other native memory (the runtime's, and the managed heap grown since its last collection). Also the
/// spans acknowledged and not yet applied to DuckDB then.
/// </summary>
internal sealed record PeakSample(long Rss, long Anonymous, long File, long ManagedCommitted, long DuckDb, long DuckDbAllocated, long DuckDbAllocator, int PendingSpans)
{
    public static PeakSample None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public long OtherNative => Math.Max(0, Anonymous - ManagedCommitted - DuckDbAllocator);
}
