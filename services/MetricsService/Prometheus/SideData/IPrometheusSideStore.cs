namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>
/// What Prometheus keeps beside the samples and metrics-service's metric store does not: metric metadata and
/// exemplars. Implementations: <see cref="DuckDbSideStore"/> (tables in the embedded store's DuckDB file, durable)
/// and <see cref="InMemorySideStore"/> (bounded, per process, as Prometheus's own exemplar storage is).
/// </summary>
public interface IPrometheusSideStore
{
    /// <summary>Adds metadata not known yet (family, type, help and unit together); known entries are left as they are.</summary>
    Task AddMetadataAsync(IReadOnlyList<MetricMetadata> metadata, CancellationToken cancellationToken);

    /// <summary>Every distinct metadata entry, in family order.</summary>
    Task<IReadOnlyList<MetricMetadata>> MetadataAsync(CancellationToken cancellationToken);

    /// <summary>Stores exemplars; one already stored (same series, time and labels) is not stored twice.</summary>
    Task AddExemplarsAsync(IReadOnlyList<StoredExemplar> exemplars, CancellationToken cancellationToken);

    /// <summary>The exemplars of the series with a time in [start, end], in time order per series.</summary>
    Task<IReadOnlyList<StoredExemplar>> ExemplarsAsync(IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken);
}
