using AirisEpm.ServiceDefaults.Events;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>
/// Publishes the engine's crossings on <c>metrics.threshold-crossed</c>, oldest first, confirming
/// each only after the sidecar accepted it, and saves the engine snapshot after changes. On start
/// it restores the last snapshot, so a restart neither forgets a firing series nor re-fires it.
/// </summary>
public sealed partial class ThresholdPublisher(
    ThresholdEngine engine,
    IEventBus bus,
    IThresholdStateRepository repository,
    IOptions<ThresholdOptions> options,
    TimeProvider time,
    ILogger<ThresholdPublisher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);
    private long _savedChange = -1;
    private volatile bool _restored;

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>
    /// Restores the last snapshot, retrying while the sidecar comes up. Until it succeeds the engine
    /// has no rules, so nothing can fire twice; a newer rule set that arrives first wins by version.
    /// </summary>
    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.Value.RestoreAttempts; attempt++)
        {
            try
            {
                if (await repository.LoadAsync(cancellationToken) is { } snapshot)
                {
                    engine.Restore(snapshot);
                    LogRestored(logger, snapshot.Rules.Count, snapshot.States.Count);
                }

                _savedChange = engine.ChangeCount;
                _restored = true;
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRestoreFailed(logger, ex, attempt);
                await Task.Delay(options.Value.RetryDelay, time, cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RestoreAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var ok = await PublishPendingAsync(stoppingToken) && await SaveIfChangedAsync(stoppingToken);
            var wait = ok ? options.Value.PublishInterval : options.Value.RetryDelay;
            using var interval = new CancellationTokenSource(wait, time);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, stoppingToken);
            try
            {
                await _wake.WaitAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Interval elapsed.
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await PublishPendingAsync(cancellationToken);
        await SaveIfChangedAsync(cancellationToken);
    }

    /// <summary>Publishes what is pending; false when the sidecar refused (the rest waits for the retry).</summary>
    public async Task<bool> PublishPendingAsync(CancellationToken cancellationToken)
    {
        while (engine.PeekUnpublished(100) is { Count: > 0 } batch)
        {
            foreach (var crossing in batch)
            {
                try
                {
                    await bus.PublishAsync(crossing, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPublishFailed(logger, ex, crossing.RuleId);
                    return false;
                }

                engine.MarkPublished(1);
            }
        }

        return true;
    }

    /// <summary>Never saves before the old snapshot was read back: that would erase it.</summary>
    private async Task<bool> SaveIfChangedAsync(CancellationToken cancellationToken)
    {
        var change = engine.ChangeCount;
        if (!_restored || change == _savedChange)
        {
            return true;
        }

        try
        {
            await repository.SaveAsync(engine.Snapshot(), cancellationToken);
            _savedChange = change;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSaveFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {RuleCount} threshold rules and {StateCount} series states")]
    private static partial void LogRestored(ILogger logger, int ruleCount, int stateCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restoring the threshold engine snapshot failed (attempt {Attempt})")]
    private static partial void LogRestoreFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a threshold crossing of rule {RuleId} failed; will retry")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string ruleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the threshold engine snapshot failed; will retry")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
