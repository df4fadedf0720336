using AirisEpm.GoTemplates;

namespace AirisEpm.LogService.LogQl.Metadata;

/// <summary>One label of <c>detected_labels</c> and its number of distinct values.</summary>
public sealed record DetectedLabel(string Label, long Cardinality);

/// <summary>
/// Loki's rule for which stream labels <c>detected_labels</c> offers (<c>shouldRejectLabel</c>,
/// <c>pkg/querier/querier.go</c>): a label with no values, or whose values are all identifiers (numbers or UUIDs),
/// is left out, except that two or fewer values all <c>0</c>/<c>1</c> read as a flag and stay; the labels
/// <c>cluster</c>, <c>namespace</c>, <c>instance</c> and <c>pod</c> stay whenever they have values.
/// </summary>
public static class DetectedLabels
{
    private static readonly HashSet<string> Static = new(StringComparer.Ordinal) { "cluster", "namespace", "instance", "pod" };

    public static IReadOnlyList<DetectedLabel> Select(IReadOnlyDictionary<string, IReadOnlyList<string>> valuesByLabel)
    {
        ArgumentNullException.ThrowIfNull(valuesByLabel);
        return valuesByLabel
            .Where(l => (Static.Contains(l.Key) && l.Value.Count > 0) || !Reject(l.Value))
            .OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new DetectedLabel(l.Key, l.Value.Distinct(StringComparer.Ordinal).LongCount()))
            .ToList();
    }

    public static bool Reject(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return true;
        if (values.Count <= 2 && values.All(v => v is "0" or "1")) return false;
        return values.All(IsIdentifier);
    }

    private static bool IsIdentifier(string value) => GoValues.GoParseFloat(value, out _) || IsUuid(value);

    /// <summary>google/uuid's <c>Parse</c>: 36 characters with dashes, 32 without, braced, or prefixed <c>urn:uuid:</c>.</summary>
    private static bool IsUuid(string value)
    {
        if (value.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase)) value = value[9..];
        return value.Length switch
        {
            36 => Guid.TryParseExact(value, "D", out _),
            32 => Guid.TryParseExact(value, "N", out _),
            38 => Guid.TryParseExact(value, "B", out _),
            _ => false,
        };
    }
}
