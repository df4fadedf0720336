using System.Globalization;

namespace AirisEpm.TraceService.Apis.Jaeger;

/// <summary>
/// Durations as Go's <c>time.ParseDuration</c> writes them, which is what Jaeger's <c>minDuration</c>,
/// <c>maxDuration</c> and <c>lookback</c> take: decimal numbers with a unit each, summed
/// (<c>1.5s</c>, <c>300ms</c>, <c>2h45m</c>, <c>250us</c>); a lone <c>0</c> is zero. Negative durations are
/// refused, because no search bound is negative.
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, decimal Ns)[] Units =
    [
        ("ns", 1m), ("us", 1_000m), ("µs", 1_000m), ("μs", 1_000m), ("ms", 1_000_000m),
        ("s", 1_000_000_000m), ("m", 60_000_000_000m), ("h", 3_600_000_000_000m),
    ];

    /// <summary>The duration in nanoseconds, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static long? TryParseNanoseconds(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (text == "0")
        {
            return 0;
        }

        if (text.Length == 0 || text.Length > 64)
        {
            error = $"invalid duration \"{Clip(text)}\"";
            return null;
        }

        decimal total = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (!decimal.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = $"invalid duration \"{Clip(text)}\"";
                return null;
            }

            var unit = Units.Where(u => string.CompareOrdinal(text, i, u.Unit, 0, u.Unit.Length) == 0)
                .OrderByDescending(u => u.Unit.Length)
                .Select(u => ((string Unit, decimal Ns)?)u)
                .FirstOrDefault();
            if (unit is null)
            {
                error = i == text.Length ? $"missing unit in duration \"{Clip(text)}\"" : $"unknown unit \"{Clip(text[i..])}\" in duration \"{Clip(text)}\"";
                return null;
            }

            i += unit.Value.Unit.Length;
            total += number * unit.Value.Ns;
            if (total > long.MaxValue)
            {
                error = $"invalid duration \"{Clip(text)}\": too long";
                return null;
            }
        }

        return (long)total;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
