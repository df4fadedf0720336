using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace AirisEpm.MetricsService.Domain;

/// <summary>
/// The labels of a series, sorted by name, immutable. Equal sets have equal <see cref="Hash"/>,
/// which together with the metric name derives the series id on every replica alike.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>
{
    public static readonly LabelSet Empty = new([]);

    private readonly Label[] _labels;

    private LabelSet(Label[] sortedLabels)
    {
        _labels = sortedLabels;
        Hash = ComputeHash(sortedLabels);
    }

    public IReadOnlyList<Label> Labels => _labels;

    public int Count => _labels.Length;

    /// <summary>XxHash64 of the sorted name/value pairs.</summary>
    public ulong Hash { get; }

    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels) =>
        FromUnsorted(labels.Select(l => new Label(l.Key, l.Value)).ToArray());

    public static LabelSet FromUnsorted(Label[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new LabelSet(labels);
    }

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

    public LabelSet With(string name, string value) =>
        FromUnsorted([.. _labels.Where(l => l.Name != name), new Label(name, value)]);

    public Dictionary<string, string> ToDictionary() => _labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);

    /// <summary>Series id: a stable 64-bit hash of the metric name and the label set.</summary>
    public long SeriesId(string metricName)
    {
        ArgumentNullException.ThrowIfNull(metricName);
        // The UTF-8 bytes of the name, on the stack for every real name: this runs once per ingested series.
        var length = Encoding.UTF8.GetByteCount(metricName);
        Span<byte> utf8 = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(metricName, utf8);
        return (long)XxHash64.HashToUInt64(utf8, (long)Hash);
    }

    public bool Equals(LabelSet? other) =>
        other is not null && Hash == other.Hash && _labels.AsSpan().SequenceEqual(other._labels);

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => (int)Hash;

    public override string ToString() => "{" + string.Join(", ", _labels.Select(l => $"{l.Name}=\"{l.Value}\"")) + "}";

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
