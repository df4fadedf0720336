using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>
/// The order Alertmanager lists a notification's alerts in (its <c>types.AlertSlice.Less</c>, applied to the
/// alerts of a flush, firing and resolved together): by the <c>job</c> label, then <c>instance</c> (an alert
/// that has the label comes first), then prometheus/common's <c>LabelSet.Before</c>: fewer labels first, then
/// the first differing value over the union of names, sorted. Strings compare by ordinal, as Go compares bytes.
/// Found by the parity test, where alert-service listed the alerts of a group in fingerprint order.
/// </summary>
public sealed class AlertmanagerLabelOrder : IComparer<LabelSet>
{
    public static AlertmanagerLabelOrder Instance { get; } = new();

    private static readonly string[] OverrideKeys = ["job", "instance"];

    public int Compare(LabelSet? x, LabelSet? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        foreach (var key in OverrideKeys)
        {
            var xHas = x.TryGetValue(key, out var xValue);
            var yHas = y.TryGetValue(key, out var yValue);
            if (!xHas && !yHas) continue;
            if (!xHas) return 1;
            if (!yHas) return -1;
            if (xValue != yValue) return string.CompareOrdinal(xValue, yValue);
        }

        return Before(x, y) ? -1 : Before(y, x) ? 1 : 0;
    }

    private static bool Before(LabelSet x, LabelSet y)
    {
        if (x.Count != y.Count) return x.Count < y.Count;
        foreach (var name in x.Names.Concat(y.Names).Order(StringComparer.Ordinal))
        {
            if (!x.TryGetValue(name, out var xValue)) return true;
            if (!y.TryGetValue(name, out var yValue)) return false;
            var order = string.CompareOrdinal(xValue, yValue);
            if (order != 0) return order < 0;
        }

        return false;
    }
}
