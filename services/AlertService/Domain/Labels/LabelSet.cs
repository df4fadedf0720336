using System.Collections;
using System.Text;

namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>
/// An immutable set of labels sorted by name (ordinal), as Prometheus models them.
/// A missing label reads as the empty string, and an empty value is the same as no label,
/// so empty values are dropped on construction.
/// </summary>
public sealed class LabelSet : IReadOnlyCollection<KeyValuePair<string, string>>, IEquatable<LabelSet>
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const byte Separator = 0xFF;

    private const int InsertionSortLimit = 16;

    private readonly KeyValuePair<string, string>[] _labels;

    // Computed on first use; a race computes the same value twice, and the flag is published after the hash.
    private ulong _fingerprint;
    private volatile bool _hasFingerprint;

    public static LabelSet Empty { get; } = new([]);

    private LabelSet(KeyValuePair<string, string>[] sorted)
    {
        _labels = sorted;
    }

    /// <summary>
    /// Builds a set; a later duplicate name overrides an earlier one. One array and no dictionary or
    /// LINQ: every posted alert builds two of these.
    /// </summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var buffer = labels switch
        {
            ICollection<KeyValuePair<string, string>> { Count: 0 } => [],
            ICollection<KeyValuePair<string, string>> collection => CopyOf(collection),
            _ => [.. labels],
        };
        if (buffer.Length == 0) return Empty;

        var stable = SortedStable(buffer);
        var count = 0;
        for (var i = 0; i < stable.Length; i++)
        {
            if (i + 1 < stable.Length && string.Equals(stable[i].Key, stable[i + 1].Key, StringComparison.Ordinal)) continue;
            if (stable[i].Value is { Length: > 0 }) stable[count++] = stable[i]; // a JSON null reads as empty
        }
        if (count == 0) return Empty;
        if (count < stable.Length) Array.Resize(ref stable, count);
        return new LabelSet(stable);
    }

    /// <summary>
    /// Sorted by name, duplicates kept in input order, so the last of a run is the one that wins:
    /// insertion sort for the usual handful of labels, an index-tie-broken sort for big sets.
    /// </summary>
    private static KeyValuePair<string, string>[] SortedStable(KeyValuePair<string, string>[] buffer)
    {
        if (buffer.Length > InsertionSortLimit)
        {
            var order = new int[buffer.Length];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => string.CompareOrdinal(buffer[a].Key, buffer[b].Key) is var c && c != 0 ? c : a.CompareTo(b));
            var sorted = new KeyValuePair<string, string>[buffer.Length];
            for (var i = 0; i < order.Length; i++) sorted[i] = buffer[order[i]];
            return sorted;
        }

        for (var i = 1; i < buffer.Length; i++)
        {
            var item = buffer[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(buffer[j].Key, item.Key) > 0)
            {
                buffer[j + 1] = buffer[j];
                j--;
            }
            buffer[j + 1] = item;
        }
        return buffer;
    }

    private static KeyValuePair<string, string>[] CopyOf(ICollection<KeyValuePair<string, string>> collection)
    {
        var buffer = new KeyValuePair<string, string>[collection.Count];
        collection.CopyTo(buffer, 0);
        return buffer;
    }

    public static LabelSet Of(params (string Name, string Value)[] labels) =>
        From(labels.Select(l => KeyValuePair.Create(l.Name, l.Value)));

    public int Count => _labels.Length;

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

    public IEnumerable<string> Names => _labels.Select(l => l.Key);

    /// <summary>The labels in name order, for loops on hot paths (no enumerator allocated).</summary>
    public ReadOnlySpan<KeyValuePair<string, string>> Pairs => _labels;

    /// <summary>The value of <paramref name="name"/>, or "" when absent (Prometheus semantics).</summary>
    public string this[string name] => TryGetValue(name, out var value) ? value : string.Empty;

    public bool TryGetValue(string name, out string value)
    {
        var lo = 0;
        var hi = _labels.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var cmp = string.CompareOrdinal(_labels[mid].Key, name);
            if (cmp == 0)
            {
                value = _labels[mid].Value;
                return true;
            }
            if (cmp < 0) lo = mid + 1; else hi = mid - 1;
        }
        value = string.Empty;
        return false;
    }

    public bool Contains(string name) => TryGetValue(name, out _);

    /// <summary>A copy with <paramref name="name"/> set (or removed when value is empty).</summary>
    public LabelSet With(string name, string value) => From(_labels.Append(KeyValuePair.Create(name, value)));

    /// <summary>A copy holding only the given names (used for group labels).</summary>
    public LabelSet Only(IEnumerable<string> names)
    {
        var keep = names as ISet<string> ?? new HashSet<string>(names, StringComparer.Ordinal);
        return From(_labels.Where(l => keep.Contains(l.Key)));
    }

    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var dictionary = new Dictionary<string, string>(_labels.Length, StringComparer.Ordinal);
        foreach (var (name, value) in _labels) dictionary[name] = value;
        return dictionary;
    }

    /// <summary>
    /// The fingerprint <c>Only(names).Fingerprint</c> would give, without building that set:
    /// <paramref name="sortedNames"/> are distinct and in ordinal order.
    /// </summary>
    public Fingerprint FingerprintOf(IReadOnlyList<string> sortedNames) => new(ComputeFingerprint(_labels, sortedNames));

    /// <summary>True when this set holds exactly <paramref name="subset"/>'s labels under <paramref name="sortedNames"/> (what <c>Only(names).Equals(subset)</c> says).</summary>
    public bool HasSameValues(LabelSet subset, IReadOnlyList<string> sortedNames)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(sortedNames);
        var present = 0;
        foreach (var name in sortedNames)
        {
            var mine = this[name];
            if (!string.Equals(mine, subset[name], StringComparison.Ordinal)) return false;
            if (mine.Length > 0) present++;
        }
        return present == subset.Count;
    }

    /// <summary>FNV-1a over the labels, or only those named in <paramref name="sortedNames"/> (a merge walk: both are sorted).</summary>
    private static ulong ComputeFingerprint(KeyValuePair<string, string>[] labels, IReadOnlyList<string>? sortedNames)
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
            return (h ^ Separator) * FnvPrime;
        }
    }

    /// <summary>Prometheus text form: <c>{a="1", b="2"}</c> (values Go-quoted).</summary>
    public override string ToString() =>
        "{" + string.Join(", ", _labels.Select(l => $"{l.Key}={GoString.Quote(l.Value)}")) + "}";

    public bool Equals(LabelSet? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || _labels.Length != other._labels.Length) return false;
        for (var i = 0; i < _labels.Length; i++)
        {
            if (!string.Equals(_labels[i].Key, other._labels[i].Key, StringComparison.Ordinal)
                || !string.Equals(_labels[i].Value, other._labels[i].Value, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => Fingerprint.GetHashCode();

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
