using System.Globalization;
using System.Text;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// Prometheus durations: units <c>y w d h m s ms</c>, each at most once, largest first (<c>1h30m</c>,
/// <c>250ms</c>, <c>0</c>); a year is 365 days. The one parser and printer of durations in AIRIS.
/// </summary>
public static class PromDuration
{
    private static readonly (string Unit, long Ms)[] Units =
    [
        ("y", 365L * 86_400_000), ("w", 7L * 86_400_000), ("d", 86_400_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1_000), ("ms", 1),
    ];

    public static long ParseMs(string text) =>
        TryParseMs(text, out var ms, out var error) ? ms : throw new FormatException(error);

    public static bool TryParseMs(string? text, out long milliseconds) => TryParseMs(text, out milliseconds, out _);

    /// <summary>
    /// Parses as Prometheus's <c>model.ParseDuration</c> does, with its error text on failure ("not a valid
    /// duration string", "unknown unit", "duration out of range": a duration must fit in Go's 64-bit nanoseconds).
    /// </summary>
    public static bool TryParseMs(string? text, out long milliseconds, out string error)
    {
        milliseconds = 0;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = "empty duration string";
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        var notValid = $"not a valid duration string: {PromQlString.Quote(text)}";
        var position = 0;
        var lastUnit = -1;
        ulong totalNs = 0;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == digitsStart || !ulong.TryParse(text.AsSpan(digitsStart, position - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                error = notValid;
                return false;
            }

            // Like Go, the unit is every non-digit up to the next digit, so "1hs" names the unit "hs".
            var unitStart = position;
            while (position < text.Length && !char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == unitStart)
            {
                error = notValid;
                return false;
            }

            var unitText = text[unitStart..position];
            var unit = Array.FindIndex(Units, u => u.Unit == unitText);
            if (unit < 0)
            {
                error = $"unknown unit {PromQlString.Quote(unitText)} in duration {PromQlString.Quote(text)}";
                return false;
            }

            if (unit <= lastUnit)
            {
                error = notValid;
                return false;
            }

            lastUnit = unit;
            var unitNs = (ulong)Units[unit].Ms * 1_000_000;
            if (amount > (1UL << 63) / unitNs)
            {
                error = "duration out of range";
                return false;
            }

            totalNs += amount * unitNs;
            if (totalNs > long.MaxValue)
            {
                error = "duration out of range";
                return false;
            }
        }

        milliseconds = (long)(totalNs / 1_000_000);
        return true;
    }

    /// <summary>
    /// Formats as Prometheus does: largest units first, <c>0s</c> for zero, a leading <c>-</c> for negatives;
    /// years and weeks only when they divide what is left (<c>90d</c>, not <c>12w6d</c>).
    /// </summary>
    public static string Format(long milliseconds)
    {
        if (milliseconds == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (milliseconds < 0)
        {
            builder.Append('-');
            milliseconds = -milliseconds;
        }

        foreach (var (unit, ms) in Units)
        {
            if (unit is "y" or "w" && milliseconds % ms != 0)
            {
                continue;
            }

            var amount = milliseconds / ms;
            if (amount > 0)
            {
                builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
                milliseconds -= amount * ms;
            }
        }

        return builder.ToString();
    }

    public static TimeSpan Parse(string text) => TimeSpan.FromMilliseconds(ParseMs(text));

    public static string Format(TimeSpan value) => Format((long)value.TotalMilliseconds);
}
