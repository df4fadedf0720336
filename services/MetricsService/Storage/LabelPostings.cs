using System.Collections.Concurrent;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// One label's inverted index, as Prometheus's postings: for each value, the series that carry it, in the order they
/// were added. Built for a label the first time a selector asks for it by equality over more than
/// <see cref="SeriesCatalog.PostingsThreshold"/> series (a catalog never queried that way pays nothing), then kept up
/// to date by the catalog's one writer; readers take a value's list without a lock (<see cref="AppendOnlyList{T}"/>).
/// </summary>
public sealed class LabelPostings(string labelName)
{
    private readonly ConcurrentDictionary<string, AppendOnlyList<StoredSeries>> _byValue = new(StringComparer.Ordinal);

    public string LabelName { get; } = labelName;

    /// <summary>The series whose label has <paramref name="value"/> (not the empty value: that is every series without the label).</summary>
    public IReadOnlyList<StoredSeries> Of(string value) => _byValue.TryGetValue(value, out var series) ? series.Current : [];

    /// <summary>Indexes <paramref name="added"/> (in order); one writer at a time.</summary>
    public void Add(IEnumerable<StoredSeries> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        foreach (var group in added.Where(s => s.Labels[LabelName] is not null).GroupBy(s => s.Labels[LabelName]!, StringComparer.Ordinal))
        {
            _byValue.GetOrAdd(group.Key, static _ => new AppendOnlyList<StoredSeries>()).AddRange([.. group]);
        }
    }
}
