namespace AirisEpm.AlertService.Notifications;

/// <summary>Sends one payload to every channel of the named receivers.</summary>
public sealed class ReceiverDispatcher(IReceiverCatalog catalog, BindingNotifier notifier)
{
    /// <summary>Returns what was attempted; an unknown receiver is reported as a failed record.</summary>
    public async Task<IReadOnlyList<NotificationRecord>> SendAsync(
        IEnumerable<string> receivers, WebhookPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var records = new List<NotificationRecord>();
        foreach (var receiver in receivers)
        {
            var targets = catalog.Targets(receiver);
            if (targets is null)
            {
                records.Add(new NotificationRecord(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, receiver, "none",
                    payload.GroupKey, payload.Status, payload.Alerts.Count, NotificationRecord.Failed, $"unknown receiver '{receiver}'"));
                continue;
            }

            foreach (var target in targets)
            {
                if (await notifier.SendAsync(target, payload with { Receiver = receiver }, cancellationToken) is { } record)
                {
                    records.Add(record);
                }
            }
        }

        return records;
    }
}
