using System.Text;

namespace AirisEpm.MetricsService.Protocols;

/// <summary>Prometheus's naming rules: metric names <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, label names <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
public static class PrometheusNames
{
    public const string MetricNameLabel = "__name__";

    public static bool IsValidMetricName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == ':'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLabelName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Makes an OpenTelemetry attribute key a label name: every other character becomes <c>_</c>,
    /// repeated underscores collapse, and a leading digit gets the <c>key_</c> prefix (the
    /// OpenTelemetry-to-Prometheus convention).
    /// </summary>
    public static string SanitizeLabelName(string key) => Sanitize(key, allowColon: false, digitPrefix: "key_");

    /// <summary>Makes an OpenTelemetry instrument name a metric name (dots and dashes become <c>_</c>).</summary>
    public static string SanitizeMetricName(string name) => Sanitize(name, allowColon: true, digitPrefix: "_");

    private static string Sanitize(string value, bool allowColon, string digitPrefix)
    {
        if (value.Length > 0 && (allowColon ? IsValidMetricName(value) : IsValidLabelName(value)) && !value.Contains("__", StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + digitPrefix.Length);
        if (value.Length == 0 || char.IsAsciiDigit(value[0]))
        {
            builder.Append(digitPrefix);
        }

        foreach (var c in value)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || (allowColon && c == ':');
            var next = keep ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        return builder.ToString();
    }
}
