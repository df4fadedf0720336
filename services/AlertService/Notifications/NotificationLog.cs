namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// The most recent notifications in this process's memory, newest first (tests, and a lone
/// in-process engine). Bounded: an alert storm cannot exhaust memory.
/// </summary>
public sealed class NotificationLog : INotificationLog
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

    public Task AddAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        Add(record);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationRecord>> RecentAsync(int limit, string? receiver, string? groupKey, CancellationToken cancellationToken) =>
        Task.FromResult(Recent(limit, receiver, groupKey));

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
