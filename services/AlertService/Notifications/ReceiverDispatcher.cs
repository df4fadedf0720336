using AirisEpm.AlertService.Domain.Dispatch;

namespace AirisEpm.AlertService.Notifications;

/// <summary>Sends one payload to the channels (integrations) of the named receivers.</summary>
public sealed class ReceiverDispatcher(IReceiverCatalog catalog, BindingNotifier notifier, TimeProvider time)
{
    /// <summary>
    /// Returns what was attempted; an unknown receiver is reported as a failed record. With
    /// <paramref name="only"/>, just those integrations (<see cref="IntegrationKey"/>: receiver and integration) are sent.
    /// </summary>
    public async Task<IReadOnlyList<NotificationRecord>> SendAsync(
        IEnumerable<string> receivers, WebhookPayload payload, CancellationToken cancellationToken,
        IReadOnlySet<string>? only = null, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        ArgumentNullException.ThrowIfNull(payload);
        var records = new List<NotificationRecord>();
        foreach (var receiver in receivers)
        {
            var targets = catalog.Targets(receiver);
            if (targets is null)
            {
                records.Add(new NotificationRecord(Guid.NewGuid().ToString("N"), time.GetUtcNow(), receiver, "none",
                    payload.GroupKey, payload.Status, payload.Alerts.Count, NotificationRecord.Failed, $"unknown receiver '{receiver}'",
                    Integration.Group, attempt));
                continue;
            }

            foreach (var (target, integration) in Named(targets))
            {
                if (only is not null && !only.Contains(IntegrationKey.Of(receiver, integration))) continue;
                if (await notifier.SendAsync(target, payload with { Receiver = receiver }, cancellationToken, integration, attempt) is { } record)
                {
                    records.Add(record);
                }
            }
        }

        return records;
    }

    /// <summary>Each target with its integration name: its channel and its index among the receiver's targets of that channel.</summary>
    public static IEnumerable<(ChannelTarget Target, string Integration)> Named(IReadOnlyList<ChannelTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var index = seen.GetValueOrDefault(target.Channel);
            seen[target.Channel] = index + 1;
            yield return (target, Integration.NameOf(target.Channel, index));
        }
    }
}
