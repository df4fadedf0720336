using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// A batch made ready to write: one value per series and timestamp (within a batch the later sample
/// wins, as a later batch would), its time span, and the samples that bring series the catalog lacks.
/// </summary>
internal sealed class PreparedBatch
{
    private readonly Dictionary<long, MetricSample> _newSeries;

    private PreparedBatch(Dictionary<(long Series, long Ts), double> latest, Dictionary<long, MetricSample> newSeries, long minTs, long maxTs)
    {
        Latest = latest;
        _newSeries = newSeries;
        NewSeries = [.. newSeries.Values];
        MinTs = minTs;
        MaxTs = maxTs;
    }

    public Dictionary<(long Series, long Ts), double> Latest { get; }

    public IReadOnlyCollection<MetricSample> NewSeries { get; }

    public long MinTs { get; }

    /// <summary>Whether the series was not stored before this batch.</summary>
    public bool IsNewSeries(long seriesId) => _newSeries.ContainsKey(seriesId);

    public long MaxTs { get; }

    public static PreparedBatch From(IReadOnlyList<MetricSample> samples, SeriesCatalog catalog)
    {
        var latest = new Dictionary<(long Series, long Ts), double>(samples.Count);
        var newSeries = new Dictionary<long, MetricSample>();
        long minTs = long.MaxValue, maxTs = long.MinValue;
        foreach (var sample in samples)
        {
            var id = sample.SeriesId;
            latest[(id, sample.TimestampMs)] = sample.Value;
            minTs = Math.Min(minTs, sample.TimestampMs);
            maxTs = Math.Max(maxTs, sample.TimestampMs);
            if (!catalog.Contains(id))
            {
                newSeries.TryAdd(id, sample);
            }
        }

        return new PreparedBatch(latest, newSeries, minTs, maxTs);
    }
}
