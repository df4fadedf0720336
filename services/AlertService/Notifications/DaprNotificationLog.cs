using System.Globalization;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// The notification log in the state store, shared by every replica and kept across restarts: one
/// key per hour (<c>notifications||yyyyMMddHH</c>), newest first, at most <see cref="PerHour"/>
/// records each, expiring after <see cref="Retention"/>. Reads look back over the last day.
/// Records added while a write is in flight share the next write (group commit), so groups notified
/// at the same moment do not contend for the hour's key.
/// </summary>
public sealed class DaprNotificationLog(DaprClient dapr, TimeProvider time) : INotificationLog, IDisposable
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

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private List<NotificationRecord> _waiting = [];
    private TaskCompletionSource _nextWrite = NewWrite();

    public async Task AddAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Task written;
        lock (_gate)
        {
            _waiting.Add(record);
            written = _nextWrite.Task;
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            List<NotificationRecord> batch;
            TaskCompletionSource write;
            lock (_gate)
            {
                (batch, _waiting) = (_waiting, []);
                (write, _nextWrite) = (_nextWrite, NewWrite());
            }

            // Empty when an earlier caller's write took this record along; its outcome is then already set.
            if (batch.Count > 0) await WriteAsync(batch, write, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }

        await written;
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

    private async Task WriteAsync(List<NotificationRecord> batch, TaskCompletionSource write, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var hour in batch.GroupBy(r => Key(r.At)))
            {
                var newestFirst = hour.OrderByDescending(r => r.At).Take(PerHour).ToList();
                await dapr.UpdateUnderETagAsync<List<NotificationRecord>>(Store, hour.Key,
                    current => [.. newestFirst, .. (current ?? []).Take(PerHour - newestFirst.Count)], cancellationToken, metadata: Expiry);
            }

            write.SetResult();
        }
        catch (Exception ex)
        {
            write.SetException(ex);
        }
    }

    public void Dispose() => _writing.Dispose();

    private static TaskCompletionSource NewWrite() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Key(DateTimeOffset at) => "notifications||" + at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}
