using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>
/// The store every reader is given: each read first waits for the samples acknowledged before it to be applied
/// (<see cref="PendingWrites"/>), so a sample answered 2xx is queryable right after the answer although it reaches
/// the store behind the write-ahead log. Writes and maintenance pass straight through.
/// </summary>
public sealed class ReadYourWritesStore(IMetricStore inner, PendingWrites pending) : IMetricStore, IDisposable
{
    public IMetricStore Inner => inner;

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken) => inner.WriteAsync(samples, cancellationToken);

    public async Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken)
    {
        await pending.WaitStoredAsync(cancellationToken);
        return await inner.FindSeriesAsync(selector, cancellationToken);
    }

    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken)
    {
        await pending.WaitStoredAsync(cancellationToken);
        return await inner.AggregateAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long maxSamples, CancellationToken cancellationToken)
    {
        await pending.WaitStoredAsync(cancellationToken);
        return await inner.PointsAsync(tier, seriesIds, startMs, endMs, maxSamples, cancellationToken);
    }

    public async Task<IReadOnlyList<SeriesPoints>> PointsAsync(StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken)
    {
        await pending.WaitStoredAsync(cancellationToken);
        return await inner.PointsAsync(tier, seriesIds, startMs, endMs, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken)
    {
        await pending.WaitStoredAsync(cancellationToken);
        return await inner.MetricNamesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken)
    {
        await pending.WaitStoredAsync(cancellationToken);
        return await inner.LabelNamesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken)
    {
        await pending.WaitStoredAsync(cancellationToken);
        return await inner.LabelValuesAsync(labelName, cancellationToken);
    }

    public Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken) => inner.DeleteBeforeAsync(tier, cutoffMs, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
