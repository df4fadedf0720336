using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The value counts of labels over every line a log query passes, for a facet sidebar: the named labels (the
/// <c>level</c>/<c>service</c> aliases resolved as in label filters), or, with none named, every label the lines carry
/// (the internal <c>__error__</c> ones left out). Each label tracks at most <see cref="MaxDistinct"/> values: once it
/// holds that many, lines with a new value are not counted for it, so the top values of a label with fewer distinct
/// values are exact and a label beyond the bound (an id) still answers with the counts of the values it met first.
/// Costs O(labels) per line and O(labels × distinct values) memory.
/// </summary>
public sealed class LabelValueCounts(IReadOnlyList<string>? fields)
{
    public const int MaxDistinct = 10_000;

    private readonly Dictionary<string, Dictionary<string, long>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lines = new(StringComparer.Ordinal);

    public void Add(LineLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (fields is not null)
        {
            foreach (var field in fields)
            {
                if (labels.Lookup(field) is { Length: > 0 } value) Count(field, value);
            }

            return;
        }

        foreach (var label in labels.ToLabelSet().Labels)
        {
            if (!label.Name.StartsWith("__", StringComparison.Ordinal)) Count(label.Name, label.Value);
        }
    }

    /// <summary>
    /// The named labels in their order (an absent one with no values), or the <paramref name="maxLabels"/> labels the most
    /// lines carry, by name; each with its <paramref name="top"/> most frequent values, ties by value.
    /// </summary>
    public IReadOnlyList<(string Field, IReadOnlyList<ValueCount> Values)> Top(int top, int maxLabels)
    {
        var names = fields ?? _lines.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Take(maxLabels).Select(l => l.Key).Order(StringComparer.Ordinal).ToList();
        return names.Select(name => (name, (IReadOnlyList<ValueCount>)(_counts.TryGetValue(name, out var values)
                ? values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(top).Select(v => new ValueCount(v.Key, v.Value)).ToList()
                : [])))
            .ToList();
    }

    private void Count(string name, string value)
    {
        _lines[name] = _lines.GetValueOrDefault(name) + 1;
        if (!_counts.TryGetValue(name, out var values)) _counts[name] = values = new Dictionary<string, long>(StringComparer.Ordinal);
        if (values.TryGetValue(value, out var n)) values[value] = n + 1;
        else if (values.Count < MaxDistinct) values[value] = 1;
    }
}
