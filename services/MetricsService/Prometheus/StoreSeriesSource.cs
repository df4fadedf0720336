using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// The engine's view of the metric store, one instance per evaluation (a query, or one block of a range query's steps,
/// <see cref="RangeBlocks"/>). Every select reads at most what is left of its <see cref="SampleBudget"/>: the store
/// stops reading once it meets more and the select throws <see cref="SampleLimitException"/> (the caller splits the
/// block or answers Prometheus's <c>execution</c> error), so no query can pull unbounded samples into memory, and no
/// count runs before the read. Reads the raw tier: a rollup keeps one sample per bucket, which changes every
/// answer but <c>last_over_time</c> at bucket ends, so no rollup is exact for the engine in general.
/// <see cref="Tier"/> lets a caller that asks for downsampled data on purpose (the legacy <c>tier=</c> parameter) read
/// a rollup's last sample per bucket instead.
/// </summary>
public sealed class StoreSeriesSource(IMetricStore store, SampleBudget budget, StorageTier tier = StorageTier.Raw) : ISeriesSource
{
    /// <summary>The times a select may ask the store about: years 1 to 9999, so no store computes outside int64.</summary>
    public const long EarliestMs = -62_135_596_800_000;

    public const long LatestMs = 253_402_300_799_999;

    public StorageTier Tier { get; } = tier;

    public SampleBudget Budget { get; } = budget;

    public async Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<PromQl.Model.Matcher> matchers, SelectHints hints, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadAsync(matchers, hints, cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // A store interrupted by the token throws its own exception (DuckDB: "INTERRUPT Error"); the engine
            // answers a timeout or a cancellation only for the framework's.
            throw new OperationCanceledException("the store read was interrupted", e, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<Series>> LoadAsync(IReadOnlyList<PromQl.Model.Matcher> matchers, SelectHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        ArgumentNullException.ThrowIfNull(hints);
        var startMs = Math.Max(hints.StartMs, EarliestMs);
        var endMs = Math.Min(hints.EndMs, LatestMs);
        if (endMs < startMs)
        {
            return [];
        }

        var found = await StoreSelectors.FindAsync(store, matchers, cancellationToken);
        if (found.Count == 0)
        {
            return [];
        }

        var byId = new Dictionary<long, PromQl.Model.LabelSet>(found.Count);
        foreach (var (stored, labels) in found)
        {
            byId[stored.Id] = labels;
        }

        var points = await store.PointsAsync(Tier, byId.Keys, startMs, endMs, Budget.Remaining, cancellationToken);
        Budget.Take(points.Sum(p => (long)p.Timestamps.Length));
        var result = new List<Series>(points.Count);
        foreach (var series in points)
        {
            if (series.Timestamps.Length == 0 || !byId.TryGetValue(series.SeriesId, out var labels))
            {
                continue;
            }

            var samples = new Point[series.Timestamps.Length];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = new Point(series.Timestamps[i], series.Values[i]);
            }

            result.Add(new Series(labels, samples));
        }

        return result;
    }
}
