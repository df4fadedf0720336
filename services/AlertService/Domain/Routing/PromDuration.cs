using System.Globalization;
using System.Text.RegularExpressions;

namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>Prometheus duration strings (<c>1h30m</c>, <c>5m</c>, <c>30s</c>, <c>1d</c>, <c>1w</c>, <c>1y</c>, <c>250ms</c>).</summary>
public static partial class PromDuration
{
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"invalid duration \"{text}\": expected e.g. 30s, 5m, 1h30m");

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text)) return false;
        if (text == "0") return true;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        long ms = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitAt = part.Value.IndexOfAny(['y', 'w', 'd', 'h', 'm', 's']);
            var number = long.Parse(part.Value[..unitAt], CultureInfo.InvariantCulture);
            ms += number * part.Value[unitAt..] switch
            {
                "y" => 365L * 24 * 3600 * 1000,
                "w" => 7L * 24 * 3600 * 1000,
                "d" => 24L * 3600 * 1000,
                "h" => 3600L * 1000,
                "m" => 60L * 1000,
                "s" => 1000L,
                _ => 1L,
            };
        }
        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    /// <summary>Formats like Prometheus (largest units first, e.g. <c>1h30m</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        var parts = new List<string>();
        if (value.Days > 0) parts.Add($"{value.Days}d");
        if (value.Hours > 0) parts.Add($"{value.Hours}h");
        if (value.Minutes > 0) parts.Add($"{value.Minutes}m");
        if (value.Seconds > 0) parts.Add($"{value.Seconds}s");
        if (value.Milliseconds > 0) parts.Add($"{value.Milliseconds}ms");
        return string.Concat(parts);
    }

    [GeneratedRegex("^(?<part>[0-9]+y)?(?<part>[0-9]+w)?(?<part>[0-9]+d)?(?<part>[0-9]+h)?(?<part>[0-9]+m)?(?<part>[0-9]+s)?(?<part>[0-9]+ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
