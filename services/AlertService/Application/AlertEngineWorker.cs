using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Runs the engine every <see cref="AlertEngineOptions.TickInterval"/>: flushes due groups, delivers
/// them, refreshes the configuration from the store and saves changes (debounced). Nothing is
/// flushed or saved before the engine holds the saved state: flushing first could page twice,
/// saving first would erase the old state. In process, this worker restores it (retrying until the
/// sidecar answers); hosted by the engine actor, the replica the actor is active on restores it
/// when it takes over, and this worker also pings the actor so that it is always active somewhere.
/// </summary>
public sealed partial class AlertEngineWorker(
    AlertEngine engine,
    AlertEngineCycle cycle,
    IEngineStateStore state,
    ISilenceStateStore silences,
    IEnginePinger pinger,
    TimeProvider time,
    IOptions<AlertEngineOptions> options,
    ILogger<AlertEngineWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inProcess = options.Value.Hosting == EngineHostingMode.InProcess;
        if (inProcess) await RestoreAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        var nextPing = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!inProcess && time.GetUtcNow() >= nextPing)
                {
                    nextPing = time.GetUtcNow() + options.Value.EnginePingInterval;
                    await PingAsync();
                }

                await cycle.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug in one turn must not stop the host (and with it all alerting); the next turn runs anyway.
                LogTurnFailed(logger, ex);
            }
        }
    }

    private async Task PingAsync()
    {
        try
        {
            await pinger.PingAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The sidecar or placement is not up yet, or the actor is moving; the next ping retries.
            LogPingFailed(logger, ex);
        }
    }

    /// <summary>The last save: whatever changed since the previous one.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!engine.IsRestored)
        {
            return;
        }

        try
        {
            await cycle.SaveIfChangedAsync(force: true, cancellationToken);
        }
        catch (Exception ex)
        {
            // Shutdown must finish; the last periodic save (at most one debounce old) stands.
            LogFinalSaveFailed(logger, ex);
        }
    }

    private async Task RestoreAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cycle.RefreshConfigAsync(stoppingToken);
                var snapshot = await state.LoadAsync(stoppingToken);
                engine.Restore(snapshot, await silences.LoadAsync(stoppingToken));
                LogRestored(logger, attempt);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Any failure here (sidecar not up, store unreachable) is retried: starting empty
                // and saving would erase the alerts and silences of the previous run.
                LogRestoreFailed(logger, ex, attempt);
            }

            await Task.Delay(options.Value.RestoreRetryDelay, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An alert engine turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert engine state restored (attempt {Attempt})")]
    private static partial void LogRestored(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restoring the alert engine state failed (attempt {Attempt}); retrying")]
    private static partial void LogRestoreFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the alert engine actor; retrying")]
    private static partial void LogPingFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The final alert state save at shutdown failed")]
    private static partial void LogFinalSaveFailed(ILogger logger, Exception exception);
}
