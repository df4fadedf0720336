using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Where metric samples are kept: raw samples (same series and timestamp overwrites) plus 1m and
/// 1h rollups. Implementations: DuckDB (embedded) and ClickHouse; one conformance suite covers both.
/// </summary>
public interface IMetricStore
{
    /// <summary>Creates or migrates the schema; called once at start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Writes the batch whole or throws; rollups reflect it when this returns.</summary>
    Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken);

    Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken);

    /// <summary>Samples of each series with a timestamp in [startMs, endMs], in time order.</summary>
    Task<IReadOnlyList<SeriesPoints>> PointsAsync(StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken) =>
        PointsAsync(tier, seriesIds, startMs, endMs, long.MaxValue, cancellationToken);

    /// <summary>
    /// As the other overload, but throws <see cref="SampleLimitException"/> once more than <paramref name="maxSamples"/>
    /// samples have been read, all series together, so a caller's budget is kept while reading, with no count before.
    /// </summary>
    Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long maxSamples, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken);

    /// <summary>Deletes the tier's data older than <paramref name="cutoffMs"/>; returns rows removed where known.</summary>
    Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot answer; used by the health check.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
