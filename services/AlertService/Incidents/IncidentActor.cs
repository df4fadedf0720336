using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Notifications;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// Hosts one alert group's incident. Escalation is driven by a single reminder set to the incident's
/// <see cref="Incident.WakeAt"/> (the next step, or the retry of a step that failed); when it fires, that
/// moment has come (the sidecar's clock decides, not ours), so the next wait is counted from the later of
/// now and the moment it fired for.
/// </summary>
public sealed partial class IncidentActor(
    ActorHost host,
    IEscalationPolicyRepository policies,
    ReceiverDispatcher dispatcher,
    IIncidentIndex index,
    TimeProvider time,
    ILogger<IncidentActor> logger) : Actor(host), IIncidentActor, IRemindable
{
    private const string IncidentKey = "incident";
    private const string PayloadKey = "payload";
    private const string EscalationReminder = "escalate";

    public async Task<Incident> TriggerAsync(IncidentTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        await StateManager.SetStateAsync(PayloadKey, trigger.Payload);
        var current = await CurrentAsync();
        var now = time.GetUtcNow();
        if (current is { Status: not IncidentStatus.Resolved })
        {
            var refreshed = current with { Services = trigger.Services, RootCause = trigger.RootCause ?? current.RootCause };
            await SaveAsync(refreshed);
            return refreshed;
        }

        var policy = await policies.GetAsync(trigger.PolicyName, CancellationToken.None)
                     ?? throw new InvalidOperationException($"Escalation policy '{trigger.PolicyName}' does not exist.");
        var incident = Incident.Trigger(IncidentIds.IncidentId(Id.GetId(), now), trigger.GroupKey,
            PayloadText.Title(trigger.Payload), policy, now) with
        {
            Services = trigger.Services,
            RootCause = trigger.RootCause,
        };
        LogTriggered(logger, incident.Id, trigger.GroupKey, policy.Name);
        return await EscalateDueStepsAsync(incident, policy);
    }

    public Task<Incident?> GetAsync() => CurrentAsync();

    public async Task<Incident?> AcknowledgeAsync(string by) => await TransitionAsync(i => i.Acknowledge(by, time.GetUtcNow()));

    public async Task<Incident?> ResolveAsync(string by) => await TransitionAsync(i => i.Resolve(by, time.GetUtcNow()));

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        if (reminderName != EscalationReminder || await CurrentAsync() is not { Status: IncidentStatus.Triggered } incident)
        {
            return;
        }

        var now = time.GetUtcNow();
        var at = incident.WakeAt is { } wake && wake > now ? wake : now;
        var policy = await policies.GetAsync(incident.PolicyName, CancellationToken.None);
        if (policy is null)
        {
            await SaveAsync(incident.Note("error", $"escalation policy '{incident.PolicyName}' no longer exists", now) with { RetryTargets = [], NextStepAt = null }, at);
            return;
        }

        await SaveAsync(await EscalateStepAsync(incident, policy, at), at);
    }

    /// <summary>At trigger time: steps whose delay is zero go out at once, the rest wait for the reminder.</summary>
    private async Task<Incident> EscalateDueStepsAsync(Incident incident, EscalationPolicy policy)
    {
        while (incident.WakeAt is { } due && due <= time.GetUtcNow())
        {
            var escalated = await EscalateStepAsync(incident, policy, time.GetUtcNow());
            if (escalated == incident)
            {
                break;
            }

            incident = escalated;
        }

        await SaveAsync(incident);
        return incident;
    }

    /// <summary>Takes the next step, or retries the integrations of the last one that failed, and records what was reached.</summary>
    private async Task<Incident> EscalateStepAsync(Incident incident, EscalationPolicy policy, DateTimeOffset at)
    {
        var retrying = incident.RetryTargets.Count > 0;
        var (escalated, receivers) = retrying
            ? (incident, incident.RetryTargets.Select(t => t[..t.LastIndexOf('/')]).Distinct(StringComparer.Ordinal).ToList())
            : incident.Escalate(policy, at);
        var payload = await StateManager.TryGetStateAsync<WebhookPayload>(PayloadKey);
        if (receivers.Count == 0 || !payload.HasValue)
        {
            return retrying ? escalated.Delivered([], null, at) : escalated;
        }

        var only = retrying ? incident.RetryTargets.ToHashSet(StringComparer.Ordinal) : null;
        var records = await dispatcher.SendAsync(receivers, payload.Value, CancellationToken.None, only, incident.RetryAttempt);
        var failed = IntegrationKey.Failed(records);
        var error = records.LastOrDefault(r => r.Outcome == NotificationRecord.Failed)?.Error;
        return escalated.Delivered(failed, error, at);
    }

    private async Task<Incident?> TransitionAsync(Func<Incident, Incident> change)
    {
        if (await CurrentAsync() is not { } incident)
        {
            return null;
        }

        var changed = change(incident);
        await SaveAsync(changed);
        return changed;
    }

    private async Task<Incident?> CurrentAsync()
    {
        var state = await StateManager.TryGetStateAsync<Incident>(IncidentKey);
        return state.HasValue ? state.Value : null;
    }

    /// <summary>
    /// Persists the incident (before any answer: an acknowledgement is durable once it returns), lists it,
    /// and points the reminder at its <see cref="Incident.WakeAt"/> (or removes it), counting the wait from
    /// <paramref name="from"/> (default now).
    /// </summary>
    private async Task SaveAsync(Incident incident, DateTimeOffset? from = null)
    {
        await StateManager.SetStateAsync(IncidentKey, incident);
        await StateManager.SaveStateAsync();
        await index.UpsertAsync(IncidentSummary.Of(incident), CancellationToken.None);
        if (incident.WakeAt is { } due)
        {
            var wait = due - (from ?? time.GetUtcNow());
            await RegisterReminderAsync(EscalationReminder, null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        else
        {
            await UnregisterReminderAsync(EscalationReminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} triggered for group {GroupKey} under policy {Policy}")]
    private static partial void LogTriggered(ILogger logger, string incidentId, string groupKey, string policy);
}
