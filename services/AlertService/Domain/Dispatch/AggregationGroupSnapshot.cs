using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>
/// Persistable state of one aggregation group. Keeping <see cref="NotificationLog"/> across a
/// restart is what prevents a duplicate page: the restored group knows what each integration was sent.
/// </summary>
public sealed record AggregationGroupSnapshot(
    string RouteId,
    LabelSet GroupLabels,
    IReadOnlyList<Alert> Alerts,
    DateTimeOffset NextFlushAt,
    bool HasFlushed,
    IReadOnlyDictionary<string, NotificationLogEntry> NotificationLog);
