using Microsoft.Extensions.Logging;

namespace AirisEpm.ServiceDefaults.Hosting;

/// <summary>
/// Runs a job at once and then every <c>interval</c> on the given clock until stopped. A failed run is
/// logged and the next tick tries again, so one bad pass never ends the loop (retention, compaction).
/// </summary>
public static partial class PeriodicLoop
{
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> job, ILogger logger, string jobName, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await job(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e, jobName);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{JobName} failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobName);
}
