using System.Collections.Concurrent;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// Every stored series (id, name, labels) held in memory, so selecting series costs no statement and
/// no label parsing. Exact only where this process is the store's single writer (the embedded store):
/// the writer adds series once their batch commits, and a restart reloads them from the store.
/// Reads are lock-free on immutable snapshots; adds are serialised by the store's write lock.
/// </summary>
public sealed class SeriesCatalog
{
    private readonly ConcurrentDictionary<long, StoredSeries> _byId = new();
    private volatile Snapshot _snapshot = new(new Dictionary<string, StoredSeries[]>(StringComparer.Ordinal), []);

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

        var current = _snapshot;
        var byName = new Dictionary<string, StoredSeries[]>(current.ByName, StringComparer.Ordinal);
        foreach (var group in added.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            byName[group.Key] = byName.TryGetValue(group.Key, out var known) ? [.. known, .. group] : [.. group];
        }

        _snapshot = new Snapshot(byName, [.. current.All, .. added]);
        AddLabels(added);
    }

    /// <summary>Every metric name, in ordinal order.</summary>
    public IReadOnlyList<string> Names()
    {
        var snapshot = _snapshot;
        return snapshot.SortedNames ??= [.. snapshot.ByName.Keys.Order(StringComparer.Ordinal)];
    }

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
            || _snapshot.ByName.GetValueOrDefault(first.Name, []).Length != ids.Count)
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

    /// <summary>The series the selector matches, in the order they were added.</summary>
    public IReadOnlyList<StoredSeries> Find(SeriesSelector selector)
    {
        var snapshot = _snapshot;
        var candidates = selector.Name is null
            ? snapshot.All
            : snapshot.ByName.GetValueOrDefault(selector.Name, []);
        if (selector.Matchers.Count == 0)
        {
            return candidates;
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

    private sealed record Snapshot(Dictionary<string, StoredSeries[]> ByName, StoredSeries[] All)
    {
        /// <summary>The names in order, built on first ask (a benign race builds it twice at most).</summary>
        public string[]? SortedNames { get; set; }
    }
}
