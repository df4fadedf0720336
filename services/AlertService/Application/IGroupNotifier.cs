using AirisEpm.AlertService.Domain.Dispatch;

namespace AirisEpm.AlertService.Application;

/// <summary>Delivers what the dispatcher decided; the engine's only way out to people.</summary>
public interface IGroupNotifier
{
    /// <summary>
    /// Sends <paramref name="due"/> to its integrations and says which were not delivered: those are
    /// retried with back-off, and only those (a sent email is not sent again because Slack failed).
    /// </summary>
    Task<DeliveryOutcome> NotifyAsync(NotificationDue due, CancellationToken cancellationToken);
}
