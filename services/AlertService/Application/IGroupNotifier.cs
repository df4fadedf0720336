using AirisEpm.AlertService.Domain.Dispatch;

namespace AirisEpm.AlertService.Application;

/// <summary>Delivers what the dispatcher decided; the engine's only way out to people.</summary>
public interface IGroupNotifier
{
    /// <summary>
    /// False when nothing reached anyone, so the group notifies again at its next flush instead of
    /// waiting for repeat_interval (a lost page is worse than a late one).
    /// </summary>
    Task<bool> NotifyAsync(NotificationDue due, CancellationToken cancellationToken);
}
