using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Memory;

/// <summary>Reads the allocation counter every <see cref="HeapTrimOptions.CheckInterval"/> and trims when <see cref="BurstTrimPolicy"/> says so.</summary>
internal sealed partial class HeapTrimmer(IOptions<HeapTrimOptions> options, TimeProvider time, ILogger<HeapTrimmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.TrimAfterBursts)
        {
            return;
        }

        var policy = new BurstTrimPolicy(settings);
        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (policy.ShouldTrim(GC.GetTotalAllocatedBytes(), time.GetUtcNow()))
                {
                    var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    LogTrimmed(committed >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Heap trimmed after an ingest burst: {BeforeMiB} MiB committed, {AfterMiB} MiB after")]
    private partial void LogTrimmed(long beforeMiB, long afterMiB);
}
