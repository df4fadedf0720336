using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>A store that can be "killed": while <see cref="Failing"/> every write throws, as a dead disk or server would.</summary>
public sealed class FailingStore(IMetricStore inner) : IMetricStore, IDisposable
{
    private volatile bool _failing;

    public bool Failing { get => _failing; set => _failing = value; }

    public IMetricStore Inner => inner;

    public Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken) =>
        _failing ? Task.FromException(new IOException("The store is down.")) : inner.WriteAsync(samples, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken) => inner.FindSeriesAsync(selector, cancellationToken);

    public Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken) => inner.AggregateAsync(query, cancellationToken);

    public Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long maxSamples, CancellationToken cancellationToken) =>
        inner.PointsAsync(tier, seriesIds, startMs, endMs, maxSamples, cancellationToken);

    public Task<IReadOnlyList<SeriesPoints>> PointsAsync(StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken) =>
        inner.PointsAsync(tier, seriesIds, startMs, endMs, cancellationToken);

    public Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken) => inner.MetricNamesAsync(cancellationToken);

    public Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken) => inner.LabelNamesAsync(cancellationToken);

    public Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken) => inner.LabelValuesAsync(labelName, cancellationToken);

    public Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken) => inner.DeleteBeforeAsync(tier, cutoffMs, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => _failing ? Task.FromException(new IOException("The store is down.")) : inner.PingAsync(cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
