using System.Collections.Concurrent;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Every stored series (id, name, labels) held in memory, so selecting series costs no statement and
/// no label parsing. Exact only where this process is the store's single writer (the embedded store):
/// the writer adds series once their batch commits, and a restart reloads them from the store.
/// Reads are lock-free on append-only lists (<see cref="AppendOnlyList{T}"/>: what a reader was handed never changes);
/// adds are serialised by the store's write lock and cost what they add, not a copy of the catalog.
/// </summary>
public sealed class SeriesCatalog
{
    private readonly ConcurrentDictionary<long, StoredSeries> _byId = new();
    private readonly AppendOnlyList<StoredSeries> _all = new();
    private readonly ConcurrentDictionary<string, AppendOnlyList<StoredSeries>> _byName = new(StringComparer.Ordinal);
    private volatile string[] _sortedNames = [];

    // Postings of the labels selectors ask for by equality; the gate orders building one against the writer's adds.
    private readonly ConcurrentDictionary<string, LabelPostings> _postings = new(StringComparer.Ordinal);
    private readonly Lock _postingsGate = new();

    /// <summary>Up to this many candidates a selector filters them directly; past it an equality matcher uses (and builds) its label's postings.</summary>
    public const int PostingsThreshold = 128;

    // Every label name with its values, and their sorted lists built on first ask after a change (a query editor asks often).
    private readonly Lock _labelsGate = new();
    private readonly Dictionary<string, HashSet<string>> _labelValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _sortedValues = new(StringComparer.Ordinal);
    private string[]? _sortedLabelNames;

    public int Count => _byId.Count;

    public bool Contains(long id) => _byId.ContainsKey(id);

    /// <summary>Adds series not known yet; call from one writer at a time.</summary>
    public void Add(IEnumerable<StoredSeries> series)
    {
        var added = series.Where(s => _byId.TryAdd(s.Id, s)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var newName = false;
        foreach (var group in added.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!_byName.TryGetValue(group.Key, out var ofName))
            {
                _byName[group.Key] = ofName = new AppendOnlyList<StoredSeries>();
                newName = true;
            }

            ofName.AddRange([.. group]);
        }

        if (newName)
        {
            // Sorted here, by the one writer, so a reader never keeps a list older than the names it could see.
            _sortedNames = [.. _byName.Keys.Order(StringComparer.Ordinal)];
        }

        lock (_postingsGate)
        {
            _all.AddRange(added);
            foreach (var postings in _postings.Values)
            {
                postings.Add(added);
            }
        }

        AddLabels(added);
    }

    /// <summary>Every metric name, in ordinal order.</summary>
    public IReadOnlyList<string> Names() => _sortedNames;

    /// <summary>Every label name of every series, in ordinal order.</summary>
    public IReadOnlyList<string> LabelNames()
    {
        lock (_labelsGate)
        {
            return _sortedLabelNames ??= [.. _labelValues.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Every value of label <paramref name="name"/>, in ordinal order.</summary>
    public IReadOnlyList<string> LabelValues(string name)
    {
        lock (_labelsGate)
        {
            if (!_sortedValues.TryGetValue(name, out var sorted))
            {
                sorted = _labelValues.TryGetValue(name, out var values) ? [.. values.Order(StringComparer.Ordinal)] : [];
                _sortedValues[name] = sorted;
            }

            return sorted;
        }
    }

    private void AddLabels(List<StoredSeries> added)
    {
        lock (_labelsGate)
        {
            foreach (var series in added)
            {
                foreach (var label in series.Labels.Labels)
                {
                    if (!_labelValues.TryGetValue(label.Name, out var values))
                    {
                        _labelValues[label.Name] = values = new HashSet<string>(StringComparer.Ordinal);
                        _sortedLabelNames = null;
                    }

                    if (values.Add(label.Value))
                    {
                        _sortedValues.Remove(label.Name);
                    }
                }
            }
        }
    }

    /// <summary>The metric name when <paramref name="ids"/> are exactly all series of one name, else null.</summary>
    public string? NameOfAll(IReadOnlyCollection<long> ids)
    {
        using var each = ids.GetEnumerator();
        if (!each.MoveNext() || !_byId.TryGetValue(each.Current, out var first)
            || OfName(first.Name).Count != ids.Count)
        {
            return null;
        }

        // The ids are distinct (callers pass a set's keys), so as many ids of the name as it has series are all of them.
        foreach (var id in ids)
        {
            if (!_byId.TryGetValue(id, out var series) || series.Name != first.Name)
            {
                return null;
            }
        }

        return first.Name;
    }

    /// <summary>
    /// The series the selector matches, in the order they were added: the fewest candidates among the name's series and,
    /// when those are more than <see cref="PostingsThreshold"/>, the postings of each equality matcher, each candidate
    /// then checked against the whole selector.
    /// </summary>
    public IReadOnlyList<StoredSeries> Find(SeriesSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        IReadOnlyList<StoredSeries> candidates = selector.Name is null ? _all.Current : OfName(selector.Name);
        if (selector.Matchers.Count == 0)
        {
            return candidates;
        }

        foreach (var matcher in selector.Matchers)
        {
            if (candidates.Count > PostingsThreshold && matcher.Op == PromQl.Model.MatchOp.Equal && matcher.Value.Length > 0
                && matcher.Name != PromQl.Model.LabelSet.MetricName)
            {
                var posted = PostingsOf(matcher.Name).Of(matcher.Value);
                candidates = posted.Count < candidates.Count ? posted : candidates;
            }
        }

        var found = new List<StoredSeries>();
        foreach (var series in candidates)
        {
            if (selector.Matches(series.Name, series.Labels))
            {
                found.Add(series);
            }
        }

        return found;
    }

    private LabelPostings PostingsOf(string labelName)
    {
        if (_postings.TryGetValue(labelName, out var postings))
        {
            return postings;
        }

        lock (_postingsGate)
        {
            if (!_postings.TryGetValue(labelName, out postings))
            {
                postings = new LabelPostings(labelName);
                postings.Add(_all.Current);
                _postings[labelName] = postings;
            }

            return postings;
        }
    }

    private IReadOnlyList<StoredSeries> OfName(string name) => _byName.TryGetValue(name, out var series) ? series.Current : [];
}
