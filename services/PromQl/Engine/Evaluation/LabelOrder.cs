using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Prometheus's <c>labels.Compare</c>: label by label, name then value, in Go's byte (UTF-8) order; a set that is
/// a prefix of another sorts first. Matrix results are sorted this way.
/// </summary>
public sealed class LabelOrder : IComparer<LabelSet>
{
    public static readonly LabelOrder Instance = new();

    public int Compare(LabelSet? x, LabelSet? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var a = x.Labels;
        var b = y.Labels;
        var common = Math.Min(a.Count, b.Count);
        for (var i = 0; i < common; i++)
        {
            var byName = CompareUtf8(a[i].Name, b[i].Name);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = CompareUtf8(a[i].Value, b[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return a.Count - b.Count;
    }

    /// <summary>Go's string order (bytes of UTF-8), which differs from UTF-16 order only between surrogates and U+E000..U+FFFF.</summary>
    public static int CompareUtf8(string a, string b)
    {
        var prefix = a.AsSpan().CommonPrefixLength(b);
        if (prefix == a.Length || prefix == b.Length)
        {
            return a.Length - b.Length;
        }

        int x = a[prefix], y = b[prefix];
        if (x >= 0xD800 && y >= 0xD800)
        {
            x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
            y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
        }

        return x - y;
    }
}
