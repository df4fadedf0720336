using System.Diagnostics.Metrics;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Notifications;
using Dapr;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Notifications that finally failed: an integration still undelivered when its group's next flush
/// superseded the retries (that flush decides afresh, from the notification log, what to send). Each is
/// counted (<c>airis.alerts.notifications_failed</c>), logged as an error and listed by
/// GET /api/v1/notifications with the outcome <see cref="NotificationRecord.GaveUp"/>.
/// </summary>
public sealed partial class AbandonedNotifications
{
    private readonly INotificationLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<AbandonedNotifications> _logger;
    private readonly Counter<long> _failed;

    public AbandonedNotifications(INotificationLog log, TimeProvider time, ILogger<AbandonedNotifications> logger, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _log = log;
        _time = time;
        _logger = logger;
        _failed = meters.Create("AirisEpm.Alerts").CreateCounter<long>("airis.alerts.notifications_failed",
            description: "Notifications whose retries ended without delivering them, by receiver and integration");
    }

    public async Task RecordAsync(NotificationDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        foreach (var integration in due.Integrations.Count > 0 ? due.Integrations : [Integration.Group])
        {
            _failed.Add(1, new("receiver", due.Receiver), new("integration", integration));
            LogGaveUp(_logger, due.Receiver, integration, due.GroupKey, due.Attempt);
            var status = due.Status == Domain.Alerts.AlertState.Firing ? WebhookPayload.Firing : WebhookPayload.Resolved;
            var record = new NotificationRecord(Guid.NewGuid().ToString("N"), _time.GetUtcNow(), due.Receiver, ChannelOf(integration), due.GroupKey,
                status, due.Firing.Count + due.Resolved.Count, NotificationRecord.GaveUp,
                $"not delivered after {due.Attempt} attempt(s); the group's next flush superseded the retries", integration, due.Attempt);
            try
            {
                await _log.AddAsync(record, cancellationToken);
            }
            catch (Exception ex) when (ex is DaprException or InvalidOperationException)
            {
                LogNotRecorded(_logger, ex, due.Receiver, due.GroupKey);
            }
        }
    }

    private static string ChannelOf(string integration) => integration.IndexOf('[', StringComparison.Ordinal) is var i and > 0 ? integration[..i] : integration;

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification to {Receiver} via {Integration} for {GroupKey} finally failed after {Attempts} attempt(s)")]
    private static partial void LogGaveUp(ILogger logger, string receiver, string integration, string groupKey, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A given-up notification to {Receiver} for {GroupKey} could not be written to the notification log")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string receiver, string groupKey);
}
