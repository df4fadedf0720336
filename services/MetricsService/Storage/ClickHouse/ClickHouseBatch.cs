using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// A batch made ready to insert: one value per series and timestamp (within a batch the later sample wins, as a
/// later batch would; rows of one insert that share a key also share <c>inserted_at</c>, so ReplacingMergeTree could
/// keep either), and the samples that bring series this process has not written yet.
/// </summary>
internal sealed class ClickHouseBatch
{
    private ClickHouseBatch(Dictionary<(long Series, long Ts), double> latest, List<MetricSample> newSeries)
    {
        Latest = latest;
        NewSeries = newSeries;
    }

    public IReadOnlyDictionary<(long Series, long Ts), double> Latest { get; }

    public IReadOnlyList<MetricSample> NewSeries { get; }

    public static ClickHouseBatch From(IReadOnlyList<MetricSample> samples, Func<long, bool> isKnownSeries)
    {
        var latest = new Dictionary<(long Series, long Ts), double>(samples.Count);
        var newSeries = new Dictionary<long, MetricSample>();
        foreach (var sample in samples)
        {
            latest[(sample.SeriesId, sample.TimestampMs)] = sample.Value;
            if (!isKnownSeries(sample.SeriesId))
            {
                newSeries.TryAdd(sample.SeriesId, sample);
            }
        }

        return new ClickHouseBatch(latest, [.. newSeries.Values]);
    }

    /// <summary>The rows for <c>samples_v2</c> (series_id, ts, value).</summary>
    public IEnumerable<object[]> SampleRows() => Latest.Select(s => new object[] { s.Key.Series, s.Key.Ts, s.Value });

    /// <summary>The rows for <c>series</c> (id, name, labels, type).</summary>
    public IEnumerable<object[]> SeriesRows() => NewSeries.Select(s => new object[]
    {
        s.SeriesId, s.Name, s.Labels.ToDictionary(), s.Type.ToString().ToLowerInvariant(),
    });
}
