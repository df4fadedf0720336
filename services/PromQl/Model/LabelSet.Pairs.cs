using System.Text;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// What alerting (alert-service, after Alertmanager) needs of a label set beside what queries need: a builder from
/// name/value pairs for the hot ingest path (every posted alert builds two sets: insertion sort, no dictionary), a
/// missing label read as "" (<see cref="Get"/>), the data model's <see cref="Fingerprint"/> (computed once, on first use)
/// and its value on a subset of names without building that subset.
/// </summary>
public sealed partial class LabelSet
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const byte FnvSeparator = 0xFF;
    private const int InsertionSortLimit = 16;

    // Computed on first use; a race computes the same value twice, and the flag is published after the hash.
    private ulong _fingerprint;
    private volatile bool _hasFingerprint;

    /// <summary>
    /// Builds a set as <see cref="From(IEnumerable{Label})"/> does (a later duplicate name wins, empty values, and a JSON
    /// null read as one, are dropped), in one array.
    /// </summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        Label[] buffer = pairs switch
        {
            ICollection<KeyValuePair<string, string>> { Count: 0 } => [],
            ICollection<KeyValuePair<string, string>> collection => Copy(collection),
            _ => [.. pairs.Select(p => new Label(p.Key, p.Value))],
        };
        return FromUnsorted(buffer);
    }

    /// <summary>
    /// Builds a set from <paramref name="labels"/> as <see cref="From(IEnumerable{KeyValuePair{string, string}})"/> does,
    /// sorting the array in place and keeping it when nothing is dropped (the ingest paths' one allocation per series).
    /// </summary>
    public static LabelSet FromUnsorted(Label[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0) return Empty;

        var stable = SortedStable(labels);
        var count = 0;
        for (var i = 0; i < stable.Length; i++)
        {
            if (i + 1 < stable.Length && string.Equals(stable[i].Name, stable[i + 1].Name, StringComparison.Ordinal)) continue;
            if (stable[i].Value is { Length: > 0 }) stable[count++] = stable[i];
        }

        if (count == 0) return Empty;
        if (count < stable.Length) Array.Resize(ref stable, count);
        return new LabelSet(stable);
    }

    /// <summary>The names, in order.</summary>
    public IEnumerable<string> Names => _labels.Select(l => l.Name);

    /// <summary>The value of <paramref name="name"/>, or "" when absent: Prometheus's and Alertmanager's reading of a missing label.</summary>
    public string Get(string name) => TryGetValue(name, out var value) ? value : "";

    /// <summary>The value of <paramref name="name"/> by binary search; "" and false when absent.</summary>
    public bool TryGetValue(string name, out string value)
    {
        var lo = 0;
        var hi = _labels.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var cmp = string.CompareOrdinal(_labels[mid].Name, name);
            if (cmp == 0)
            {
                value = _labels[mid].Value;
                return true;
            }

            if (cmp < 0) lo = mid + 1;
            else hi = mid - 1;
        }

        value = "";
        return false;
    }

    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var dictionary = new Dictionary<string, string>(_labels.Length, StringComparer.Ordinal);
        foreach (var (name, value) in _labels) dictionary[name] = value;
        return dictionary;
    }

    /// <summary>The data model's fingerprint of the set (<see cref="Model.Fingerprint"/>).</summary>
    public Fingerprint Fingerprint
    {
        get
        {
            if (_hasFingerprint) return new Fingerprint(_fingerprint);
            _fingerprint = ComputeFingerprint(_labels, null);
            _hasFingerprint = true;
            return new Fingerprint(_fingerprint);
        }
    }

    /// <summary>The fingerprint <c>Keep(names).Fingerprint</c> would give, without building that set: <paramref name="sortedNames"/> are distinct and in ordinal order.</summary>
    public Fingerprint FingerprintOf(IReadOnlyList<string> sortedNames)
    {
        ArgumentNullException.ThrowIfNull(sortedNames);
        return new(ComputeFingerprint(_labels, sortedNames));
    }

    /// <summary>True when this set holds exactly <paramref name="subset"/>'s labels under <paramref name="sortedNames"/> (what <c>Keep(names).Equals(subset)</c> says).</summary>
    public bool HasSameValues(LabelSet subset, IReadOnlyList<string> sortedNames)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(sortedNames);
        var present = 0;
        foreach (var name in sortedNames)
        {
            var mine = Get(name);
            if (!string.Equals(mine, subset.Get(name), StringComparison.Ordinal)) return false;
            if (mine.Length > 0) present++;
        }

        return present == subset.Count;
    }

    private static Label[] Copy(ICollection<KeyValuePair<string, string>> collection)
    {
        var buffer = new Label[collection.Count];
        var i = 0;
        foreach (var (name, value) in collection) buffer[i++] = new Label(name, value);
        return buffer;
    }

    /// <summary>
    /// Sorted by name, duplicates kept in input order, so the last of a run is the one that wins: insertion sort for the
    /// usual handful of labels, an index-tie-broken sort for big sets.
    /// </summary>
    private static Label[] SortedStable(Label[] buffer)
    {
        if (buffer.Length > InsertionSortLimit)
        {
            var order = new int[buffer.Length];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => string.CompareOrdinal(buffer[a].Name, buffer[b].Name) is var c && c != 0 ? c : a.CompareTo(b));
            var sorted = new Label[buffer.Length];
            for (var i = 0; i < order.Length; i++) sorted[i] = buffer[order[i]];
            return sorted;
        }

        for (var i = 1; i < buffer.Length; i++)
        {
            var item = buffer[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(buffer[j].Name, item.Name) > 0)
            {
                buffer[j + 1] = buffer[j];
                j--;
            }

            buffer[j + 1] = item;
        }

        return buffer;
    }

    /// <summary>FNV-1a over the labels, or only those named in <paramref name="sortedNames"/> (a merge walk: both are sorted).</summary>
    private static ulong ComputeFingerprint(Label[] labels, IReadOnlyList<string>? sortedNames)
    {
        var hash = FnvOffset;
        var n = 0;
        foreach (var (name, value) in labels)
        {
            if (sortedNames is not null)
            {
                while (n < sortedNames.Count && string.CompareOrdinal(sortedNames[n], name) < 0) n++;
                if (n == sortedNames.Count) break;
                if (!string.Equals(sortedNames[n], name, StringComparison.Ordinal)) continue;
            }

            hash = Add(Add(hash, name), value);
        }

        return hash;

        static ulong Add(ulong h, string s)
        {
            // Hash the UTF-8 bytes without allocating for the usual short label text.
            var max = Encoding.UTF8.GetMaxByteCount(s.Length);
            Span<byte> bytes = max <= 512 ? stackalloc byte[max] : new byte[max];
            var count = Encoding.UTF8.GetBytes(s, bytes);
            foreach (var b in bytes[..count])
            {
                h = (h ^ b) * FnvPrime;
            }

            return (h ^ FnvSeparator) * FnvPrime;
        }
    }
}
