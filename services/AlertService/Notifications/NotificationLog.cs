namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// The most recent notifications of this replica, newest first. Bounded: an alert storm cannot
/// exhaust memory; the full history is in the logs and the notifications metric.
/// </summary>
public sealed class NotificationLog
{
    public const int Capacity = 5_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<NotificationRecord> _records = new();

    public void Add(NotificationRecord record)
    {
        lock (_gate)
        {
            _records.AddFirst(record);
            if (_records.Count > Capacity)
            {
                _records.RemoveLast();
            }
        }
    }

    public IReadOnlyList<NotificationRecord> Recent(int limit, string? receiver = null, string? groupKey = null)
    {
        lock (_gate)
        {
            return _records
                .Where(r => receiver is null || r.Receiver == receiver)
                .Where(r => groupKey is null || r.GroupKey == groupKey)
                .Take(limit)
                .ToList();
        }
    }
}
