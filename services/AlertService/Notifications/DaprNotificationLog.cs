using System.Globalization;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// The notification log in the state store, shared by every replica and kept across restarts: one
/// key per hour (<c>notifications||yyyyMMddHH</c>), newest first, at most <see cref="PerHour"/>
/// records each, expiring after <see cref="Retention"/>. Reads look back over the last day.
/// </summary>
public sealed class DaprNotificationLog(DaprClient dapr, TimeProvider time) : INotificationLog
{
    /// <summary>1,000 an hour: far above a healthy paging rate; a storm beyond it keeps its newest notifications.</summary>
    public const int PerHour = 1_000;

    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const int HoursLookedBack = 24;
    private static readonly string Store = DaprComponents.StateStore;

    private static readonly IReadOnlyDictionary<string, string> Expiry = new Dictionary<string, string>
    {
        ["ttlInSeconds"] = ((int)Retention.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    };

    public Task AddAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return dapr.UpdateUnderETagAsync<List<NotificationRecord>>(Store, Key(record.At),
            current => [record, .. (current ?? []).Take(PerHour - 1)], cancellationToken, metadata: Expiry);
    }

    public async Task<IReadOnlyList<NotificationRecord>> RecentAsync(int limit, string? receiver, string? groupKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = Enumerable.Range(0, HoursLookedBack).Select(h => Key(now.AddHours(-h))).ToList();
        var buckets = await dapr.GetBulkStateAsync<List<NotificationRecord>>(Store, keys, parallelism: 4, cancellationToken: cancellationToken);
        return buckets.Where(b => b.Value is not null).SelectMany(b => b.Value)
            .Where(r => receiver is null || r.Receiver == receiver)
            .Where(r => groupKey is null || r.GroupKey == groupKey)
            .OrderByDescending(r => r.At)
            .Take(limit)
            .ToList();
    }

    private static string Key(DateTimeOffset at) => "notifications||" + at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}
