namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// One attempted notification, as GET /api/v1/notifications lists it: <see cref="Sent"/> or <see cref="Failed"/> per
/// attempt, and <see cref="GaveUp"/> once the retries of a failed integration ended without delivering it.
/// <see cref="Integration"/> names the receiver's integration (<c>email[0]</c>, <c>slack[1]</c>, ...).
/// </summary>
public sealed record NotificationRecord(
    string Id,
    DateTimeOffset At,
    string Receiver,
    string Channel,
    string GroupKey,
    string Status,
    int AlertCount,
    string Outcome,
    string? Error,
    string? Integration = null,
    int Attempt = 0)
{
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string GaveUp = "gave-up";
}
