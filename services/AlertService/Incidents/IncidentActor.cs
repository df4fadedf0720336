using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Notifications;
using Dapr.Actors.Runtime;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// Hosts the incident one alert group opened, which correlated groups join (each group's latest notification is kept,
/// and every step pages once for all of them, <see cref="IncidentPage"/>). Escalation is driven by a single reminder set to the incident's
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
    private const string PayloadsKey = "payloads";
    private const string LegacyPayloadKey = "payload";
    private const string EscalationReminder = "escalate";

    public async Task<Incident> TriggerAsync(IncidentTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var current = await CurrentAsync();
        var now = time.GetUtcNow();
        if (current is { Status: not IncidentStatus.Resolved })
        {
            // Still open (the incident index had not listed it when the trigger was sent): the groups join it.
            var payloads = await PayloadsAsync(current);
            var joined = current;
            foreach (var member in trigger.Members)
            {
                payloads[member.GroupKey] = member.Payload;
                joined = joined.Join(member.ToGroup(now), now);
            }

            await StateManager.SetStateAsync(PayloadsKey, payloads);
            joined = joined with { Services = trigger.Services, RootCause = trigger.RootCause ?? current.RootCause };
            await SaveAsync(joined);
            return joined;
        }

        var policy = await policies.GetAsync(trigger.PolicyName, CancellationToken.None)
                     ?? throw new InvalidOperationException($"Escalation policy '{trigger.PolicyName}' does not exist.");
        await StateManager.SetStateAsync(PayloadsKey, trigger.Members.ToDictionary(m => m.GroupKey, m => m.Payload, StringComparer.Ordinal));
        var groups = trigger.Members.Select(m => m.ToGroup(now)).ToList();
        var incident = Incident.Trigger(IncidentIds.IncidentId(Id.GetId(), now), groups, PayloadText.Title(trigger.Payload), policy, now) with
        {
            Services = trigger.Services,
            RootCause = trigger.RootCause,
        };
        LogTriggered(logger, incident.Id, trigger.GroupKey, policy.Name, groups.Count);
        return await EscalateDueStepsAsync(incident, policy);
    }

    public async Task<Incident?> JoinAsync(IncidentJoin join)
    {
        ArgumentNullException.ThrowIfNull(join);
        if (await CurrentAsync() is not { Status: not IncidentStatus.Resolved } current)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var payloads = await PayloadsAsync(current);
        payloads[join.Member.GroupKey] = join.Member.Payload;
        await StateManager.SetStateAsync(PayloadsKey, payloads);
        var joined = current.Join(join.Member.ToGroup(now), now) with
        {
            Services = join.Services,
            RootCause = join.RootCause ?? current.RootCause,
        };
        if (joined.Members().Count > current.Members().Count)
        {
            LogJoined(logger, join.Member.GroupKey, current.Id);
        }

        await SaveAsync(joined);
        return joined;
    }

    public Task<Incident?> ResolveGroupAsync(GroupResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return TransitionAsync(i => i.ResolveGroup(resolution.GroupKey, resolution.By, time.GetUtcNow()));
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
        var page = IncidentPage.Compose(escalated, await PayloadsAsync(escalated));
        if (receivers.Count == 0 || page is null)
        {
            return retrying ? escalated.Delivered([], null, at) : escalated;
        }

        var only = retrying ? incident.RetryTargets.ToHashSet(StringComparer.Ordinal) : null;
        var records = await dispatcher.SendAsync(receivers, page, CancellationToken.None, only, incident.RetryAttempt);
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

    /// <summary>Each group's latest notification; an incident stored before groups joined incidents kept one, its group's.</summary>
    private async Task<Dictionary<string, WebhookPayload>> PayloadsAsync(Incident incident)
    {
        var stored = await StateManager.TryGetStateAsync<Dictionary<string, WebhookPayload>>(PayloadsKey);
        if (stored.HasValue)
        {
            return new Dictionary<string, WebhookPayload>(stored.Value, StringComparer.Ordinal);
        }

        var legacy = await StateManager.TryGetStateAsync<WebhookPayload>(LegacyPayloadKey);
        return legacy.HasValue ? new(StringComparer.Ordinal) { [incident.GroupKey] = legacy.Value } : new(StringComparer.Ordinal);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} triggered for group {GroupKey} under policy {Policy}, standing for {Groups} alert group(s)")]
    private static partial void LogTriggered(ILogger logger, string incidentId, string groupKey, string policy, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {GroupKey} joined incident {IncidentId}; not paged again")]
    private static partial void LogJoined(ILogger logger, string groupKey, string incidentId);
}
