using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>Prometheus's <c>labels.Compare</c>: label by label (name, then value, ordinal), a prefix sorts first.</summary>
public sealed class LabelOrder : IComparer<LabelSet>
{
    public static readonly LabelOrder Instance = new();

    public int Compare(LabelSet? x, LabelSet? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var count = Math.Min(x.Count, y.Count);
        for (var i = 0; i < count; i++)
        {
            var byName = string.CompareOrdinal(x.Labels[i].Name, y.Labels[i].Name);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = string.CompareOrdinal(x.Labels[i].Value, y.Labels[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
