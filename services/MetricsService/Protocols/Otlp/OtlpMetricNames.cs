namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>
/// The OpenTelemetry-to-Prometheus metric name convention: the instrument name sanitised (dots become
/// underscores), the UCUM unit spelled out as a suffix (<c>s</c> → <c>_seconds</c>, <c>By</c> →
/// <c>_bytes</c>, <c>By/s</c> → <c>_bytes_per_second</c>, <c>1</c> on a gauge → <c>_ratio</c>,
/// <c>{request}</c> annotations dropped), and <c>_total</c> last on monotonic counters.
/// </summary>
public static class OtlpMetricNames
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds", ["By"] = "bytes", ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["TiBy"] = "tibibytes", ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["TBy"] = "terabytes", ["m"] = "meters", ["V"] = "volts",
        ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts", ["g"] = "grams", ["Cel"] = "celsius",
        ["Hz"] = "hertz", ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    /// <param name="isGauge">Only gauges get <c>_ratio</c> for the unit "1" (as the Prometheus translator does).</param>
    public static string Build(string name, string unit, bool isMonotonicCounter, bool isGauge)
    {
        var baseName = PrometheusNames.SanitizeMetricName(name);
        if (isMonotonicCounter && baseName.EndsWith("_total", StringComparison.Ordinal))
        {
            baseName = baseName[..^"_total".Length];
        }

        var suffix = UnitSuffix(unit, isGauge);
        if (suffix.Length > 0 && !baseName.EndsWith("_" + suffix, StringComparison.Ordinal) && !ContainsToken(baseName, suffix))
        {
            baseName += "_" + suffix;
        }

        return isMonotonicCounter ? baseName + "_total" : baseName;
    }

    public static string UnitSuffix(string unit, bool isGauge)
    {
        var withoutAnnotations = StripAnnotations(unit).Trim();
        if (withoutAnnotations.Length == 0)
        {
            return "";
        }

        if (withoutAnnotations == "1")
        {
            return isGauge ? "ratio" : "";
        }

        var slash = withoutAnnotations.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Spell(withoutAnnotations, Units);
        }

        var main = Spell(withoutAnnotations[..slash], Units);
        var per = Spell(withoutAnnotations[(slash + 1)..], PerUnits);
        return (main, per) switch
        {
            ("", "") => "",
            ("", _) => "per_" + per,
            (_, "") => main,
            _ => main + "_per_" + per,
        };
    }

    private static string Spell(string unit, Dictionary<string, string> table) =>
        unit.Length == 0 ? "" : table.TryGetValue(unit, out var word) ? word : PrometheusNames.SanitizeLabelName(unit).Trim('_');

    private static string StripAnnotations(string unit)
    {
        if (!unit.Contains('{', StringComparison.Ordinal))
        {
            return unit;
        }

        var builder = new System.Text.StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            depth += c == '{' ? 1 : 0;
            if (depth == 0)
            {
                builder.Append(c);
            }

            depth -= c == '}' && depth > 0 ? 1 : 0;
        }

        return builder.ToString();
    }

    private static bool ContainsToken(string name, string suffix) =>
        name.Split('_').Contains(suffix, StringComparer.Ordinal) && suffix.IndexOf('_', StringComparison.Ordinal) < 0;
}
