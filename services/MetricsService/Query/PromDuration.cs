using System.Globalization;
using System.Text.RegularExpressions;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// A step as Prometheus accepts it: a number of seconds (<c>15</c>, <c>0.5</c>) or a duration with
/// units ms, s, m, h, d, w, y, combinable from largest to smallest (<c>1h30m</c>).
/// </summary>
public static partial class PromDuration
{
    public static bool TryParseMs(string? text, out long milliseconds)
    {
        milliseconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            milliseconds = (long)Math.Round(seconds * 1000);
            return double.IsFinite(seconds) && milliseconds > 0;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        long total = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789".ToCharArray());
            var amount = long.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            total += amount * unit switch
            {
                "ms" => 1L,
                "s" => 1_000L,
                "m" => 60_000L,
                "h" => 3_600_000L,
                "d" => 86_400_000L,
                "w" => 604_800_000L,
                _ => 31_536_000_000L,
            };
        }

        milliseconds = total;
        return total > 0;
    }

    [GeneratedRegex(@"^(?<part>[0-9]{1,9}(?:ms|s|m|h|d|w|y))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
