using System.Diagnostics;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>
/// The store with a stopwatch on each read the series adapter makes: finding the series, counting their samples
/// (the sample budget's check) and loading the points, so the profile can say which of them the store read is.
/// </summary>
public sealed class TimedMetricStore(IMetricStore inner) : IMetricStore
{
    private const int FindSlot = 0;
    private const int CountSlot = 1;
    private const int PointsSlot = 2;
    private readonly long[] _ticks = new long[3];

    public TimeSpan Find => Elapsed(FindSlot);

    public TimeSpan Count => Elapsed(CountSlot);

    public TimeSpan Points => Elapsed(PointsSlot);

    public void Reset()
    {
        for (var slot = 0; slot < _ticks.Length; slot++)
        {
            Interlocked.Exchange(ref _ticks[slot], 0);
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken) => inner.WriteAsync(samples, cancellationToken);

    public Task<IReadOnlyList<StoredSeries>> FindSeriesAsync(SeriesSelector selector, CancellationToken cancellationToken) =>
        Timed(() => inner.FindSeriesAsync(selector, cancellationToken), FindSlot);

    public Task<IReadOnlyList<AggregateRow>> AggregateAsync(AggregateQuery query, CancellationToken cancellationToken) =>
        Timed(() => inner.AggregateAsync(query, cancellationToken), CountSlot);

    public Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, CancellationToken cancellationToken) =>
        Timed(() => inner.PointsAsync(tier, seriesIds, startMs, endMs, cancellationToken), PointsSlot);

    public Task<IReadOnlyList<SeriesPoints>> PointsAsync(
        StorageTier tier, IReadOnlyCollection<long> seriesIds, long startMs, long endMs, long maxSamples, CancellationToken cancellationToken) =>
        Timed(() => inner.PointsAsync(tier, seriesIds, startMs, endMs, maxSamples, cancellationToken), PointsSlot);

    public Task<IReadOnlyList<string>> MetricNamesAsync(CancellationToken cancellationToken) => inner.MetricNamesAsync(cancellationToken);

    public Task<IReadOnlyList<string>> LabelNamesAsync(CancellationToken cancellationToken) => inner.LabelNamesAsync(cancellationToken);

    public Task<IReadOnlyList<string>> LabelValuesAsync(string labelName, CancellationToken cancellationToken) =>
        inner.LabelValuesAsync(labelName, cancellationToken);

    public Task<long> DeleteBeforeAsync(StorageTier tier, long cutoffMs, CancellationToken cancellationToken) =>
        inner.DeleteBeforeAsync(tier, cutoffMs, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    private TimeSpan Elapsed(int slot) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[slot]));

    private async Task<T> Timed<T>(Func<Task<T>> read, int slot)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await read();
        }
        finally
        {
            Interlocked.Add(ref _ticks[slot], Stopwatch.GetTimestamp() - started);
        }
    }
}
