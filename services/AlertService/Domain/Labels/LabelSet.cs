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

    private readonly KeyValuePair<string, string>[] _labels;
    private readonly Lazy<Fingerprint> _fingerprint;

    public static LabelSet Empty { get; } = new([]);

    private LabelSet(KeyValuePair<string, string>[] sorted)
    {
        _labels = sorted;
        _fingerprint = new Lazy<Fingerprint>(ComputeFingerprint);
    }

    /// <summary>Builds a set; a later duplicate name overrides an earlier one.</summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in labels)
        {
            map[name] = value;
        }
        var sorted = map.Where(kv => kv.Value.Length > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        return sorted.Length == 0 ? Empty : new LabelSet(sorted);
    }

    public static LabelSet Of(params (string Name, string Value)[] labels) =>
        From(labels.Select(l => KeyValuePair.Create(l.Name, l.Value)));

    public int Count => _labels.Length;

    public Fingerprint Fingerprint => _fingerprint.Value;

    public IEnumerable<string> Names => _labels.Select(l => l.Key);

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

    public IReadOnlyDictionary<string, string> ToDictionary() =>
        _labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    private Fingerprint ComputeFingerprint()
    {
        var hash = FnvOffset;
        foreach (var (name, value) in _labels)
        {
            hash = Add(Add(hash, name), value);
        }
        return new Fingerprint(hash);

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

    public bool Equals(LabelSet? other) =>
        other is not null && _labels.Length == other._labels.Length && _labels.SequenceEqual(other._labels);

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => Fingerprint.GetHashCode();

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
