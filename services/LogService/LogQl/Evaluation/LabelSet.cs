using System.Text;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// An immutable set of labels sorted by name: the identity of a stream or a series. Empty values are
/// left out, as in Prometheus and Loki (an empty label is an absent one). Equality and hash cover every
/// name and value, so a set can key a dictionary.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>
{
    public static readonly LabelSet Empty = new([]);

    private readonly KeyValuePair<string, string>[] _labels;
    private readonly int _hash;

    private LabelSet(KeyValuePair<string, string>[] sorted)
    {
        _labels = sorted;
        var hash = new HashCode();
        foreach (var (name, value) in sorted)
        {
            hash.Add(name);
            hash.Add(value);
        }

        _hash = hash.ToHashCode();
    }

    public int Count => _labels.Length;

    public IReadOnlyList<KeyValuePair<string, string>> Labels => _labels;

    /// <summary>The set of <paramref name="labels"/> without the empty ones; a name given twice keeps its last value.</summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in labels)
        {
            if (string.IsNullOrEmpty(value)) byName.Remove(name);
            else byName[name] = value;
        }

        if (byName.Count == 0) return Empty;
        var sorted = byName.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LabelSet(sorted);
    }

    public string? Get(string name)
    {
        int low = 0, high = _labels.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(_labels[middle].Key, name);
            if (order == 0) return _labels[middle].Value;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }

        return null;
    }

    /// <summary>The labels without those named in <paramref name="names"/>.</summary>
    public LabelSet Without(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? this : new LabelSet(_labels.Where(l => !names.Contains(l.Key)).ToArray());

    public Dictionary<string, string> ToDictionary() => _labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    public bool Equals(LabelSet? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && _labels.AsSpan().SequenceEqual(other._labels)));

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => _hash;

    /// <summary>Orders as Prometheus sorts series: label by label, names then values, ordinal.</summary>
    public static IComparer<LabelSet> Order { get; } = Comparer<LabelSet>.Create(static (a, b) =>
    {
        for (var i = 0; i < Math.Min(a._labels.Length, b._labels.Length); i++)
        {
            var order = string.CompareOrdinal(a._labels[i].Key, b._labels[i].Key);
            if (order == 0) order = string.CompareOrdinal(a._labels[i].Value, b._labels[i].Value);
            if (order != 0) return order;
        }

        return a._labels.Length.CompareTo(b._labels.Length);
    });

    /// <summary><c>{a="b", c="d"}</c>, values quoted as Go quotes them.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < _labels.Length; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(_labels[i].Key).Append('=').Append(GoStrings.Quote(_labels[i].Value));
        }

        return builder.Append('}').ToString();
    }
}
