using System.Diagnostics.Metrics;
using System.Text;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// Sends notifications only through Dapr output bindings. Retries and circuit breaking come from
/// the components' outbound policies in resiliency.yaml, not from here: one call, one outcome.
/// </summary>
public sealed partial class BindingNotifier
{
    private readonly DaprClient _dapr;
    private readonly INotificationLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<BindingNotifier> _logger;
    private readonly Counter<long> _sent;

    public BindingNotifier(DaprClient dapr, INotificationLog log, TimeProvider time, ILogger<BindingNotifier> logger, IMeterFactory meters)
    {
        _dapr = dapr;
        _log = log;
        _time = time;
        _logger = logger;
        _sent = meters.Create("AirisEpm.Alerts").CreateCounter<long>("airis.alerts.notifications", description: "Notifications attempted, by channel and outcome");
    }

    /// <summary>
    /// Sends <paramref name="group"/>'s notification to one channel, <paramref name="integration"/> of its receiver (attempt
    /// <paramref name="attempt"/>, 0 for the first): without its resolved alerts when the channel skips resolved notices
    /// (<see cref="ResolvedNotices"/>), and null when that leaves nothing to send.
    /// </summary>
    public async Task<NotificationRecord?> SendAsync(ChannelTarget target, WebhookPayload group, CancellationToken cancellationToken,
        string? integration = null, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(group);
        if (ResolvedNotices.For(group, target.SendResolved) is not { } payload)
        {
            return null;
        }

        string? error = null;
        try
        {
            await InvokeAsync(target, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is DaprException or HttpRequestException)
        {
            error = ex.InnerException?.Message ?? ex.Message;
            LogFailed(_logger, ex, target.Channel, payload.Receiver, payload.GroupKey);
        }

        var outcome = error is null ? NotificationRecord.Sent : NotificationRecord.Failed;
        var record = new NotificationRecord(Guid.NewGuid().ToString("N"), _time.GetUtcNow(), payload.Receiver,
            target.Channel, payload.GroupKey, payload.Status, payload.Alerts.Count, outcome, error, integration, attempt);
        await RecordAsync(record, cancellationToken);
        _sent.Add(1, new("channel", target.Channel), new("outcome", outcome));
        LogOutcome(_logger, target.Channel, payload.Receiver, payload.GroupKey, payload.Status, outcome);
        return record;
    }

    /// <summary>The notification went out (or failed) either way: a log that cannot be written must not change that.</summary>
    private async Task RecordAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _log.AddAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is DaprException or InvalidOperationException)
        {
            LogNotRecorded(_logger, ex, record.Receiver, record.GroupKey);
        }
    }

    private Task InvokeAsync(ChannelTarget target, WebhookPayload payload, CancellationToken cancellationToken) => target switch
    {
        EmailTarget email => SendEmailAsync(email, payload, cancellationToken),
        SlackTarget slack => _dapr.InvokeBindingAsync(DaprComponents.Slack, "post",
            CustomText.Apply(SlackMessage.From(payload, slack.SlackChannel), slack, payload), cancellationToken: cancellationToken),
        SmsTarget sms => _dapr.InvokeBindingAsync(DaprComponents.Sms, "create", CustomText.Sms(sms, payload),
            new Dictionary<string, string> { ["toNumber"] = sms.ToNumber }, cancellationToken),
        WebhookTarget webhook => _dapr.InvokeBindingAsync(DaprComponents.Webhook, "post", WebhookTruncation.Apply(payload, webhook.MaxAlerts),
            webhook.Path is { Length: > 0 } path ? new Dictionary<string, string> { ["path"] = path } : null, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.GetType().Name, "Unknown channel."),
    };

    /// <summary>
    /// The SMTP binding mails the request data as the body; sent through the generic overload it
    /// would arrive JSON-quoted, so the HTML goes as raw bytes.
    /// </summary>
    private async Task SendEmailAsync(EmailTarget email, WebhookPayload payload, CancellationToken cancellationToken)
    {
        var message = CustomText.Apply(EmailMessage.From(payload), email, payload);
        var request = new BindingRequest(DaprComponents.Email, "create") { Data = Encoding.UTF8.GetBytes(message.HtmlBody) };
        request.Metadata["emailTo"] = email.To;
        request.Metadata["subject"] = message.Subject;
        if (email.From is { Length: > 0 } from)
        {
            request.Metadata["emailFrom"] = from;
        }

        if (email.Cc is { Length: > 0 } cc)
        {
            request.Metadata["emailCC"] = cc;
        }

        await _dapr.InvokeBindingAsync(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification via {Channel} to {Receiver} for {GroupKey} ({Status}): {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string channel, string receiver, string groupKey, string status, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification via {Channel} to {Receiver} for {GroupKey} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string channel, string receiver, string groupKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification to {Receiver} for {GroupKey} could not be written to the notification log")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string receiver, string groupKey);
}
