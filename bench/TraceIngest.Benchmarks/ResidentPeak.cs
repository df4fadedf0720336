using AirisEpm.Benchmarks;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Samples a process's resident memory every 100 ms while a run lasts and keeps the sample with the largest resident
/// set, split into anonymous (managed heap, DuckDB, native) and file-backed (mapped code) parts. The exact peak is the
/// kernel's VmHWM (reset at the start of the run); the sample near it says what the peak was made of.
/// </summary>
internal sealed class ResidentPeak : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ResidentPeak(int pid)
    {
        _pid = pid;
        ProcessUsage.ResetPeak(pid);
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>VmHWM since the start of this run.</summary>
    public long PeakBytes => ProcessUsage.PeakRssBytes(_pid);

    /// <summary>The largest sampled resident set and its anonymous and file-backed parts.</summary>
    public (long Rss, long Anonymous, long File) AtPeak { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            var rss = ProcessUsage.RssBytes(_pid);
            if (rss > AtPeak.Rss) AtPeak = (rss, ProcessUsage.AnonymousBytes(_pid), ProcessUsage.FileBytes(_pid));
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
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
