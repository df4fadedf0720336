using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Tests.Support;

/// <summary>A store whose every write first waits <see cref="Delay"/>: a disk or server slower than the senders.</summary>
public sealed class ThrottledStore(IMetricStore inner) : IMetricStore, IDisposable
{
    private long _delayTicks;
    private int _writes;

    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    public int Writes => Volatile.Read(ref _writes);

    public async Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        await inner.WriteAsync(samples, cancellationToken);
    }

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

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
