using AirisEpm.AlertService.Application;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// Whether this replica holds the service's alert engine (hosts the active <see cref="AlertEngineActor"/>).
/// Taking over restores the engine from the state store; handing over saves it and empties the local
/// copy, so only the owner's worker flushes and pages.
/// </summary>
public sealed partial class EngineOwnership(
    AlertEngine engine, AlertEngineCycle cycle, IEngineStateStore state, ISilenceStateStore silences, ILogger<EngineOwnership> logger)
{
    private volatile bool _owner;

    public bool IsOwner => _owner;

    public async Task TakeOverAsync(CancellationToken cancellationToken)
    {
        await cycle.ExclusiveAsync(async () =>
        {
            engine.Reset();
            await cycle.RefreshConfigAsync(cancellationToken);
            var snapshot = await state.LoadAsync(cancellationToken);
            engine.Restore(snapshot, await silences.LoadAsync(cancellationToken));
        }, cancellationToken);
        _owner = true;
        LogTookOver(logger);
    }

    public async Task HandOverAsync(CancellationToken cancellationToken)
    {
        _owner = false;
        await cycle.ExclusiveAsync(async () =>
        {
            try
            {
                await cycle.SaveIfChangedAsync(force: true, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next owner starts from the last periodic save (at most one debounce old).
                LogFinalSaveFailed(logger, ex);
            }

            engine.Reset();
        }, cancellationToken);
        LogHandedOver(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica took the alert engine over")]
    private static partial void LogTookOver(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica handed the alert engine over")]
    private static partial void LogHandedOver(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the alert engine while handing it over failed")]
    private static partial void LogFinalSaveFailed(ILogger logger, Exception exception);
}
