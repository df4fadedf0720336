using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// A batch made ready to write: one value per series and timestamp (within a batch the later sample
/// wins, as a later batch would), its time span, and the samples that bring series the catalog lacks.
/// </summary>
internal sealed class PreparedBatch
{
    private readonly Dictionary<long, MetricSample> _newSeries;
    private readonly Dictionary<long, int> _nameOf;

    private PreparedBatch(
        Dictionary<(long Series, long Ts), double> latest, Dictionary<long, MetricSample> newSeries, Dictionary<long, int> nameOf, List<string> names, long minTs, long maxTs)
    {
        _nameOf = nameOf;
        Names = names;
        Latest = latest;
        _newSeries = newSeries;
        NewSeries = [.. newSeries.Values];
        MinTs = minTs;
        MaxTs = maxTs;
    }

    public Dictionary<(long Series, long Ts), double> Latest { get; }

    public IReadOnlyCollection<MetricSample> NewSeries { get; }

    public long MinTs { get; }

    /// <summary>The metric names of the batch; <see cref="ByName"/> keys samples by their index here.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The samples keyed by (index of their metric name in <see cref="Names"/>, timestamp).</summary>
    public IEnumerable<KeyValuePair<(long Name, long Ts), double>> ByName() =>
        Latest.Select(s => KeyValuePair.Create(((long)_nameOf[s.Key.Series], s.Key.Ts), s.Value));

    /// <summary>Whether the series was not stored before this batch.</summary>
    public bool IsNewSeries(long seriesId) => _newSeries.ContainsKey(seriesId);

    public long MaxTs { get; }

    public static PreparedBatch From(IReadOnlyList<MetricSample> samples, SeriesCatalog catalog)
    {
        var latest = new Dictionary<(long Series, long Ts), double>(samples.Count);
        var newSeries = new Dictionary<long, MetricSample>();
        var nameOf = new Dictionary<long, int>();
        var names = new List<string>();
        var nameIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        long minTs = long.MaxValue, maxTs = long.MinValue;
        foreach (var sample in samples)
        {
            var id = sample.SeriesId;
            latest[(id, sample.TimestampMs)] = sample.Value;
            minTs = Math.Min(minTs, sample.TimestampMs);
            maxTs = Math.Max(maxTs, sample.TimestampMs);
            if (!nameOf.ContainsKey(id))
            {
                if (!nameIndex.TryGetValue(sample.Name, out var index))
                {
                    nameIndex[sample.Name] = index = names.Count;
                    names.Add(sample.Name);
                }

                nameOf[id] = index;
            }

            if (!catalog.Contains(id))
            {
                newSeries.TryAdd(id, sample);
            }
        }

        return new PreparedBatch(latest, newSeries, nameOf, names, minTs, maxTs);
    }
}
