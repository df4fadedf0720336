using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// The labels of a series, the metric name included as <c>__name__</c>, sorted by name, immutable.
/// Equal sets have equal <see cref="Hash"/> on every replica alike (XxHash64 of the sorted pairs).
/// </summary>
public sealed partial class LabelSet : IEquatable<LabelSet>
{
    public const string MetricName = "__name__";

    public static readonly LabelSet Empty = new([]);

    private readonly Label[] _labels;

    private LabelSet(Label[] sortedLabels)
    {
        _labels = sortedLabels;
        Hash = ComputeHash(sortedLabels);
    }

    public IReadOnlyList<Label> Labels => _labels;

    public int Count => _labels.Length;

    public ulong Hash { get; }

    public string? Name => this[MetricName];

    /// <summary>Builds a set; a later label with the same name replaces an earlier one, empty values are dropped (as in Prometheus).</summary>
    public static LabelSet From(IEnumerable<Label> labels)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            byName[label.Name] = label.Value;
        }

        var sorted = byName.Where(l => l.Value.Length > 0).Select(l => new Label(l.Key, l.Value)).ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new LabelSet(sorted);
    }

    public static LabelSet From(params (string Name, string Value)[] labels) => From(labels.Select(l => new Label(l.Name, l.Value)));

    public string? this[string name]
    {
        get
        {
            foreach (var label in _labels)
            {
                if (label.Name == name)
                {
                    return label.Value;
                }
            }

            return null;
        }
    }

    public bool Has(string name) => this[name] is not null;

    /// <summary>A copy with the label set (an empty value removes it).</summary>
    public LabelSet With(string name, string value) => From(_labels.Where(l => l.Name != name).Append(new Label(name, value)));

    public LabelSet Without(IReadOnlyCollection<string> names) => new([.. _labels.Where(l => !names.Contains(l.Name))]);

    public LabelSet Keep(IReadOnlyCollection<string> names) => new([.. _labels.Where(l => names.Contains(l.Name))]);

    public LabelSet WithoutName() => new([.. _labels.Where(l => l.Name != MetricName)]);

    public bool Equals(LabelSet? other) =>
        other is not null && Hash == other.Hash && _labels.AsSpan().SequenceEqual(other._labels);

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => (int)Hash;

    /// <summary>Prometheus's form: <c>name{a="1", b="2"}</c>, or <c>{a="1"}</c> without a name.</summary>
    public override string ToString()
    {
        var name = Name;
        var rest = _labels.Where(l => l.Name != MetricName).Select(l => l.Name + "=" + PromQlString.Quote(l.Value));
        return (name ?? "") + "{" + string.Join(", ", rest) + "}";
    }

    private static ulong ComputeHash(Label[] labels)
    {
        var hasher = new XxHash64();
        Span<byte> separator = [0xff];
        foreach (var label in labels)
        {
            hasher.Append(MemoryMarshal.AsBytes(label.Name.AsSpan()));
            hasher.Append(separator);
            hasher.Append(MemoryMarshal.AsBytes(label.Value.AsSpan()));
            hasher.Append(separator);
        }

        return hasher.GetCurrentHashAsUInt64();
    }
}
