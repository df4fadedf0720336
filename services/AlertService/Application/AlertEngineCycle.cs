using System.Diagnostics.Metrics;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// One turn of the engine: flush due groups and deliver them, pick up a configuration another
/// replica stored, save changes. The worker calls it on a timer; tests call it directly.
/// </summary>
public sealed partial class AlertEngineCycle(
    AlertEngine engine,
    IGroupNotifier notifier,
    AbandonedNotifications abandoned,
    IEngineStateStore state,
    IAlertingConfigStore configStore,
    AlertingConfigHolder config,
    TimeProvider time,
    IOptions<AlertEngineOptions> options,
    ILogger<AlertEngineCycle> logger,
    IMeterFactory meters) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    // Only a restored engine flushes and pages: the one in process, or the one the engine actor's replica took over.
    private readonly ObservableGauge<int> _host = meters.Create("AirisEpm.Alerts").CreateObservableGauge(
        "airis.alerts.engine_host", () => engine.IsRestored ? 1 : 0,
        description: "1 on the replica whose alert engine flushes groups and pages (where the engine actor is active), else 0");
    /// <summary>A journal this small never forces a whole save, however small the last snapshot.</summary>
    public const int MinimumJournal = 10_000;

    /// <summary>Notifications sent at once when many groups fall due together (an alert storm), each through the sidecar.</summary>
    public const int ConcurrentDeliveries = 16;

    private long _savedChanges = -1;
    private long _journaled;
    private long _snapshotSize;
    private DateTimeOffset _lastSave = DateTimeOffset.MinValue;
    private DateTimeOffset _lastConfigRefresh = DateTimeOffset.MinValue;

    /// <summary>Does nothing until the engine is restored. Turns never overlap: a caller waits for the running one.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!engine.IsRestored) return;
        await _turn.WaitAsync(cancellationToken);
        try
        {
            await RunTurnAsync(cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> between turns (taking the engine over or handing it over).</summary>
    public async Task ExclusiveAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            await action();
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task RunTurnAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = engine.Tick(now);
        var outcomes = await NotifyAllAsync(due, cancellationToken);
        for (var i = 0; i < due.Count; i++)
        {
            engine.Report(due[i], outcomes[i].Failed);
        }

        foreach (var gaveUp in engine.TakeAbandoned())
        {
            await abandoned.RecordAsync(gaveUp, cancellationToken);
        }

        if (now - _lastConfigRefresh >= options.Value.ConfigRefreshInterval)
        {
            await TryAsync(() => RefreshConfigAsync(cancellationToken), "refresh the configuration");
        }

        await TryAsync(() => SaveIfChangedAsync(force: false, cancellationToken), "save the engine state");
    }

    /// <summary>Applies the stored configuration when it differs from the one in force.</summary>
    public async Task RefreshConfigAsync(CancellationToken cancellationToken)
    {
        _lastConfigRefresh = time.GetUtcNow();
        if (await configStore.LoadAsync(cancellationToken) is not { } stored) return;
        try
        {
            config.Apply(stored);
        }
        catch (ConfigException ex)
        {
            // Only a configuration that validated was ever stored; if this version of the code
            // refuses it, keeping the one in force beats stopping alerting.
            LogStoredConfigRejected(logger, ex);
        }
        catch (FieldDecryptionException ex)
        {
            LogStoredSecretUnreadable(logger, ex);
        }
    }

    /// <summary>
    /// Saves what changed since the last save as a delta, or everything when the engine needs it whole or
    /// the journal of deltas outgrew the last whole snapshot (so a save costs what changed, amortised,
    /// not the whole engine every time). A save that fails makes the next one whole.
    /// </summary>
    public async Task SaveIfChangedAsync(bool force, CancellationToken cancellationToken)
    {
        var changes = engine.Changes;
        var now = time.GetUtcNow();
        if (!engine.IsRestored || changes == _savedChanges) return;
        if (!force && now - _lastSave < options.Value.PersistDebounce) return;
        try
        {
            if (_journaled < Math.Max(MinimumJournal, _snapshotSize) && engine.TakeDelta() is { } delta)
            {
                if (!delta.IsEmpty) await state.AppendAsync(delta, cancellationToken);
                _journaled += delta.Size;
            }
            else
            {
                var snapshot = engine.Snapshot();
                await state.SaveAsync(snapshot, cancellationToken);
                _journaled = 0;
                _snapshotSize = snapshot.Alerts.Count + snapshot.Groups.Count;
            }
        }
        catch
        {
            engine.RequireSnapshot();
            throw;
        }

        _savedChanges = changes;
        _lastSave = now;
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>An unexpected failure counts as "not delivered" on every integration: they are retried instead of losing the page.</summary>
    /// <summary>
    /// Groups due together are sent together, as Alertmanager's groups each notify on their own: one slow receiver
    /// must not make every group after it late. Groups that page through an escalation policy go one after another,
    /// because correlation joins a group to the incident an earlier one of the same turn may have just opened.
    /// </summary>
    private async Task<DeliveryOutcome[]> NotifyAllAsync(IReadOnlyList<Domain.Dispatch.NotificationDue> due, CancellationToken cancellationToken)
    {
        var outcomes = new DeliveryOutcome[due.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDeliveries, CancellationToken = cancellationToken };
        var plain = Parallel.ForEachAsync(Enumerable.Range(0, due.Count).Where(i => due[i].EscalationPolicy is null), parallel,
            async (i, token) => outcomes[i] = await TryNotifyAsync(due[i], token));
        foreach (var i in Enumerable.Range(0, due.Count).Where(i => due[i].EscalationPolicy is not null))
        {
            outcomes[i] = await TryNotifyAsync(due[i], cancellationToken);
        }

        await plain;
        return outcomes;
    }

    private async Task<DeliveryOutcome> TryNotifyAsync(Domain.Dispatch.NotificationDue due, CancellationToken cancellationToken)
    {
        try
        {
            return await notifier.NotifyAsync(due, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, $"notify {due.Receiver} for {due.GroupKey}");
            return new DeliveryOutcome(due.Integrations.Count > 0 ? due.Integrations : [Domain.Dispatch.Integration.Group], ex.Message);
        }
    }

    private async Task TryAsync(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Retried at the next tick; the engine keeps working from memory meanwhile.
            LogFailed(logger, ex, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored alerting configuration no longer validates; keeping the one in force")]
    private static partial void LogStoredConfigRejected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A secret of the stored alerting configuration cannot be decrypted (is its key still in ConfigEncryption?); keeping the one in force")]
    private static partial void LogStoredSecretUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {What}; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
