namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>A notification whose integrations failed, waiting for its next attempt at <see cref="At"/>.</summary>
public sealed record PendingRetry(NotificationDue Due, DateTimeOffset At);
