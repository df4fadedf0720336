using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Protocols;

/// <summary>The checks every decoded series passes before it is ingested, whatever protocol brought it.</summary>
public static class SeriesRules
{
    /// <summary>Returns why the series is unacceptable, or null when it is fine.</summary>
    public static string? Check(string name, IReadOnlyList<Label> labels, ProtocolOptions options)
    {
        if (!PrometheusNames.IsValidMetricName(name))
        {
            return $"metric name '{Shorten(name)}' does not match [a-zA-Z_:][a-zA-Z0-9_:]*";
        }

        if (labels.Count > options.MaxLabelsPerSeries)
        {
            return $"series '{name}' has {labels.Count} labels, more than the limit of {options.MaxLabelsPerSeries}";
        }

        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (!PrometheusNames.IsValidLabelName(label.Name))
            {
                return $"label name '{Shorten(label.Name)}' of series '{name}' does not match [a-zA-Z_][a-zA-Z0-9_]*";
            }

            if (label.Name.StartsWith("__", StringComparison.Ordinal))
            {
                return $"label name '{label.Name}' of series '{name}' is reserved (starts with __)";
            }

            if (label.Value.Length > options.MaxLabelValueLength)
            {
                return $"label '{label.Name}' of series '{name}' is {label.Value.Length} characters long, more than the limit of {options.MaxLabelValueLength}";
            }
        }

        return null;
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
