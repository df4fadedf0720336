namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>
/// Metadata and exemplars in this process's memory, for the ClickHouse deployment until ClickHouse has tables for
/// them: exemplars in a ring of <see cref="Capacity"/> (Prometheus's <c>--storage.exemplars.exemplars-limit</c>
/// default, also in memory there), the oldest dropped first. Lost at restart, and each replica answers only what
/// it received. Thread-safe.
/// </summary>
public sealed class InMemorySideStore(int capacity = InMemorySideStore.DefaultCapacity) : IPrometheusSideStore
{
    public const int DefaultCapacity = 100_000;

    private readonly Lock _lock = new();
    private readonly SortedSet<MetricMetadata> _metadata = new(MetadataOrder.Instance);
    private readonly Queue<StoredExemplar> _exemplars = new();
    private readonly HashSet<(long, long, string)> _exemplarKeys = [];

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public Task AddMetadataAsync(IReadOnlyList<MetricMetadata> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (_lock)
        {
            _metadata.UnionWith(metadata);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MetricMetadata>> MetadataAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<MetricMetadata>>([.. _metadata]);
        }
    }

    public Task AddExemplarsAsync(IReadOnlyList<StoredExemplar> exemplars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exemplars);
        lock (_lock)
        {
            foreach (var exemplar in exemplars)
            {
                if (!_exemplarKeys.Add(Key(exemplar)))
                {
                    continue;
                }

                _exemplars.Enqueue(exemplar);
                if (_exemplars.Count > Capacity)
                {
                    _exemplarKeys.Remove(Key(_exemplars.Dequeue()));
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredExemplar>> ExemplarsAsync(IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesIds);
        var wanted = seriesIds as ISet<long> ?? seriesIds.ToHashSet();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StoredExemplar>>(
            [
                .. _exemplars.Where(e => wanted.Contains(e.SeriesId) && e.TimestampMs >= startMs && e.TimestampMs <= endMs)
                    .OrderBy(e => e.SeriesId).ThenBy(e => e.TimestampMs),
            ]);
        }
    }

    private static (long, long, string) Key(StoredExemplar e) => (e.SeriesId, e.TimestampMs, ExemplarLabelsJson.Write(e.Labels));
}
