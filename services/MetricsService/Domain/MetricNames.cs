namespace AirisEpm.MetricsService.Domain;

/// <summary>
/// Prometheus naming rules: metric names match <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, label names
/// <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, and label names starting with <c>__</c> are reserved.
/// </summary>
public static class MetricNames
{
    public static bool IsValidMetricName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or ':'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLabelName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
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

    public static bool IsReservedLabelName(string name) => name.StartsWith("__", StringComparison.Ordinal);
}
