using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Incidents;
using AirisEpm.AlertService.Notifications;
using Dapr.Actors.Client;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// A group on a route that names an existing escalation policy becomes an incident (its actor pages
/// step by step and stops on ack or resolve), unless correlation joins it to an open incident of the same policy
/// (then that incident's timeline notes it and nobody is paged again); any other group is sent to the integrations of its
/// receiver that the notification is for, and each one that fails is reported so the engine retries it
/// alone. A route naming a policy that does not exist still pages its receiver: a typo in a policy name
/// must not swallow a page (its one integration, <see cref="Integration.Group"/>, fails if any channel does).
/// </summary>
public sealed partial class GroupNotifier(
    ReceiverDispatcher receivers,
    IEscalationPolicyRepository policies,
    IActorProxyFactory actors,
    IIncidentIndex index,
    IncidentCorrelation correlation,
    IOptions<AlertEngineOptions> options,
    ILogger<GroupNotifier> logger) : IGroupNotifier
{
    public const string ResolvedBy = "alert-service (alerts resolved)";

    public async Task<DeliveryOutcome> NotifyAsync(NotificationDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var payload = WebhookPayloads.From(due, options.Value.ExternalUrl);
        if (due.EscalationPolicy is { } policy)
        {
            try
            {
                if (await policies.GetAsync(policy, cancellationToken) is not null)
                {
                    return await EscalateAsync(due, policy, payload, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The state store is unreachable: not delivered, the group retries at its next flush.
                LogEscalationFailed(logger, ex, due.GroupKey, policy);
                return Failed(due, ex.Message);
            }

            LogMissingPolicy(logger, policy, due.GroupKey, due.Receiver);
            var all = await receivers.SendAsync([due.Receiver], payload, cancellationToken, attempt: due.Attempt);
            return all.FirstOrDefault(r => r.Outcome == NotificationRecord.Failed) is { } failed ? Failed(due, failed.Error) : DeliveryOutcome.Delivered;
        }

        var only = due.Integrations.Count == 0 ? null : due.Integrations.Select(i => IntegrationKey.Of(due.Receiver, i)).ToHashSet(StringComparer.Ordinal);
        var records = await receivers.SendAsync([due.Receiver], payload, cancellationToken, only, due.Attempt);
        var failures = records.Where(r => r.Outcome == NotificationRecord.Failed).ToList();
        return failures.Count == 0
            ? DeliveryOutcome.Delivered
            : new DeliveryOutcome([.. failures.Select(r => r.Integration ?? Integration.Group).Distinct(StringComparer.Ordinal)], failures[^1].Error);
    }

    /// <summary>Every integration the notification was for failed (an escalation is one integration).</summary>
    private static DeliveryOutcome Failed(NotificationDue due, string? error) =>
        new(due.Integrations.Count > 0 ? due.Integrations : [Integration.Group], error);

    private async Task<DeliveryOutcome> EscalateAsync(NotificationDue due, string policy, WebhookPayload payload, CancellationToken cancellationToken)
    {
        try
        {
            if (due.Status == AlertState.Firing)
            {
                await FireAsync(due, policy, payload, cancellationToken);
            }
            else
            {
                await ResolveAsync(due, await index.OpenHoldingAsync([due.GroupKey], cancellationToken));
            }

            return DeliveryOutcome.Delivered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The actor runtime surfaces sidecar and actor failures as several exception types; all
            // mean "not delivered", and the group retries at its next flush.
            LogEscalationFailed(logger, ex, due.GroupKey, policy);
            return Failed(due, ex.Message);
        }
    }

    /// <summary>
    /// Joins the open incident correlation puts the group in (no page), or opens one with the correlated groups not in
    /// an incident yet (one page naming them all). An incident the index still lists but that resolved meanwhile takes
    /// no group: the group then opens its own.
    /// </summary>
    private async Task FireAsync(NotificationDue due, string policy, WebhookPayload payload, CancellationToken cancellationToken)
    {
        var plan = await correlation.PlanAsync(due, policy, cancellationToken);
        var self = new IncidentMember(due.GroupKey, IncidentGroup.NameOf(due.GroupLabels, due.Firing), payload);
        if (plan.Decision.Joins is { } joined && HostOf(joined) is { } host
            && await host.JoinAsync(new IncidentJoin(self, plan.Services, plan.RootCause)) is not null)
        {
            return;
        }

        var companions = plan.Decision.Opens
            ? plan.Decision.Groups.Skip(1).Select(key => MemberOf(plan, key, due.At, waiting: false))
                .Concat(plan.Decision.Waiting.Select(key => MemberOf(plan, key, due.At, waiting: true))).OfType<IncidentMember>()
            : [];
        await IncidentActorProxy.For(actors, due.GroupKey).TriggerAsync(new IncidentTrigger(policy, [self, .. companions], plan.Services, plan.RootCause));
    }

    /// <summary>Each open incident holding the group is told; one holding none (a stale index, an old incident) is resolved at the group's own actor.</summary>
    private async Task ResolveAsync(NotificationDue due, IReadOnlyList<OpenIncident> open)
    {
        var holding = open.Where(i => i.Groups.Contains(due.GroupKey, StringComparer.Ordinal)).Select(HostOf).OfType<IIncidentActor>().ToList();
        if (holding.Count == 0)
        {
            await IncidentActorProxy.For(actors, due.GroupKey).ResolveAsync(ResolvedBy);
            return;
        }

        foreach (var incident in holding)
        {
            await incident.ResolveGroupAsync(new GroupResolution(due.GroupKey, ResolvedBy));
        }
    }

    private IIncidentActor? HostOf(OpenIncident incident) =>
        IncidentIds.ActorIdOf(incident.Id) is { } actorId ? IncidentActorProxy.ForActorId(actors, actorId) : null;

    /// <summary>
    /// A correlated group opening the incident with the notified one (or named in it while in its group_wait): its
    /// notification as its own flush would build it now; null when correlation did not read it.
    /// </summary>
    private IncidentMember? MemberOf(IncidentPlan plan, string key, DateTimeOffset at, bool waiting)
    {
        if (plan.Groups.FirstOrDefault(g => g.Key == key) is not { } group) return null;
        var due = new NotificationDue(group.Receiver, group.Key, group.RouteId, group.GroupLabels,
            [.. group.Alerts.OrderBy(a => a.Fingerprint)], [], group.EscalationPolicy, at);
        return new IncidentMember(group.Key, IncidentGroup.NameOf(group.GroupLabels, group.Alerts), WebhookPayloads.From(due, options.Value.ExternalUrl), waiting);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation of {GroupKey} with policy {Policy} failed; retrying with back-off")]
    private static partial void LogEscalationFailed(ILogger logger, Exception exception, string groupKey, string policy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation policy {Policy} named by the route of {GroupKey} does not exist; notifying receiver {Receiver} directly")]
    private static partial void LogMissingPolicy(ILogger logger, string policy, string groupKey, string receiver);
}
