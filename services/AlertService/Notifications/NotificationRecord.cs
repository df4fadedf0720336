namespace AirisEpm.AlertService.Notifications;

/// <summary>One attempted notification, as GET /api/v1/notifications lists it.</summary>
public sealed record NotificationRecord(
    string Id,
    DateTimeOffset At,
    string Receiver,
    string Channel,
    string GroupKey,
    string Status,
    int AlertCount,
    string Outcome,
    string? Error)
{
    public const string Sent = "sent";
    public const string Failed = "failed";
}
