using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The labels a record has in LogQL. Its stream labels are the record's <see cref="LogRecord.Labels"/>
/// plus <c>service_name</c> (its <see cref="LogRecord.Service"/>, which ingest derives the way Loki
/// derives <c>service_name</c>) and <c>detected_level</c> (its <see cref="LogRecord.Level"/> by name:
/// <c>info</c>, <c>error</c>, <c>unknown</c>…), as Loki 3 shows them. Two aliases resolve where no
/// label of that name exists: <c>level</c> is <c>detected_level</c> and <c>service</c> is
/// <c>service_name</c>, so <c>{level="error"}</c>, <c>| level="error"</c> and <c>sum by (level)</c> work on
/// records that never had a <c>level</c> label, while a real <c>level</c> label (from Promtail, say) or one
/// <c>| json</c> extracts wins over the alias.
/// </summary>
public static class StreamLabels
{
    public const string ServiceName = "service_name";
    public const string DetectedLevel = "detected_level";
    public const string Level = "level";
    public const string Service = "service";
    public const string Error = "__error__";
    public const string ErrorDetails = "__error_details__";

    /// <summary>A new dictionary of the record's stream labels.</summary>
    public static Dictionary<string, string> Of(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var labels = new Dictionary<string, string>(record.Labels.Count + 2, StringComparer.Ordinal);
        foreach (var (name, value) in record.Labels)
        {
            labels[name] = value;
        }

        labels[ServiceName] = record.Service;
        labels[DetectedLevel] = SeverityNames.Of(record.Level);
        return labels;
    }

    /// <summary>The labels as a set (empty values left out, as absent).</summary>
    public static LabelSet SetOf(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return LabelSet.From(labels.Select(l => new Label(l.Key, l.Value)));
    }

    /// <summary>The value of <paramref name="name"/> through <paramref name="get"/>, falling back to the alias's target for <c>level</c> and <c>service</c>.</summary>
    public static string? Resolve(string name, Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        if (get(name) is { Length: > 0 } value) return value;
        return AliasTarget(name) is { } target ? get(target) : null;
    }

    /// <summary>The label an alias stands for when absent: <c>level</c> → <c>detected_level</c>, <c>service</c> → <c>service_name</c>.</summary>
    public static string? AliasTarget(string name) => name switch
    {
        Level => DetectedLevel,
        Service => ServiceName,
        _ => null,
    };
}
