namespace AirisEpm.AlertService.Notifications;

/// <summary>The notifications attempted by every replica, newest first, for GET /api/v1/notifications.</summary>
public interface INotificationLog
{
    Task AddAsync(NotificationRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<NotificationRecord>> RecentAsync(int limit, string? receiver, string? groupKey, CancellationToken cancellationToken);
}
