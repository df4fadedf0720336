using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>The alerts of one route that share group labels, with the group's timer and notification log.</summary>
public sealed class AggregationGroup
{
    internal AggregationGroup(ResolvedRoute route, string key, LabelSet groupLabels, DateTimeOffset nextFlushAt)
    {
        Route = route;
        Key = key;
        GroupLabels = groupLabels;
        NextFlushAt = nextFlushAt;
    }

    public ResolvedRoute Route { get; }

    public string Key { get; }

    public LabelSet GroupLabels { get; }

    public DateTimeOffset NextFlushAt { get; internal set; }

    /// <summary>False until the first flush (group_wait applies); then group_interval paces flushes.</summary>
    public bool HasFlushed { get; internal set; }

    /// <summary>What each integration was last told (Alertmanager's nflog, one entry per integration of the group).</summary>
    public Dictionary<string, NotificationLogEntry> NotificationLog { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The entries the last flush replaced, until its delivery is reported: a failed integration gets
    /// its old entry back, so the next flush still sees what it was never told.
    /// </summary>
    internal Dictionary<string, NotificationLogEntry?> Unconfirmed { get; } = new(StringComparer.Ordinal);

    internal Dictionary<Fingerprint, Alert> AlertsByFingerprint { get; } = [];

    public IReadOnlyCollection<Alert> Alerts => AlertsByFingerprint.Values;

    /// <summary>Alertmanager's group key: the route's id and the group labels.</summary>
    public static string KeyFor(ResolvedRoute route, LabelSet groupLabels) => $"{route.Id}:{AlertmanagerText.Of(groupLabels)}";
}
