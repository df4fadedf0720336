using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Incidents;
using AirisEpm.AlertService.Notifications;
using Dapr.Actors.Client;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// A group on a route that names an existing escalation policy becomes an incident (its actor pages
/// step by step and stops on ack or resolve); any other group is sent to the integrations of its
/// receiver that the notification is for, and each one that fails is reported so the engine retries it
/// alone. A route naming a policy that does not exist still pages its receiver: a typo in a policy name
/// must not swallow a page (its one integration, <see cref="Integration.Group"/>, fails if any channel does).
/// </summary>
public sealed partial class GroupNotifier(
    ReceiverDispatcher receivers,
    IEscalationPolicyRepository policies,
    IActorProxyFactory actors,
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
        var incident = IncidentActorProxy.For(actors, due.GroupKey);
        try
        {
            if (due.Status == AlertState.Firing)
            {
                var (services, rootCause) = await correlation.ForAsync(due, cancellationToken);
                await incident.TriggerAsync(new IncidentTrigger(due.GroupKey, policy, payload, services, rootCause));
            }
            else
            {
                await incident.ResolveAsync(ResolvedBy);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation of {GroupKey} with policy {Policy} failed; retrying with back-off")]
    private static partial void LogEscalationFailed(ILogger logger, Exception exception, string groupKey, string policy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation policy {Policy} named by the route of {GroupKey} does not exist; notifying receiver {Receiver} directly")]
    private static partial void LogMissingPolicy(ILogger logger, string policy, string groupKey, string receiver);
}
