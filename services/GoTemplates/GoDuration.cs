using System.Globalization;

namespace AirisEpm.GoTemplates;

/// <summary>
/// Go's <c>time.ParseDuration</c>: an optional sign and one or more decimal numbers with a unit
/// (<c>300ms</c>, <c>-1.5h</c>, <c>2h45m</c>), units <c>ns us µs μs ms s m h</c> (no days), or <c>0</c> alone;
/// with Go's error texts (<c>time: invalid duration "x"</c>, <c>time: missing unit in duration "1"</c>,
/// <c>time: unknown unit "d" in duration "1d"</c>). Loki reads durations in label values this way.
/// </summary>
public static class GoDuration
{
    public static bool TryParse(string text, out long nanoseconds, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        nanoseconds = 0;
        error = "";
        var quoted = GoQuote.Quote(text);
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            error = $"time: invalid duration {quoted}";
            return false;
        }

        decimal total = 0;
        while (!s.IsEmpty)
        {
            var digits = 0;
            while (digits < s.Length && (char.IsAsciiDigit(s[digits]) || s[digits] == '.')) digits++;
            var number = s[..digits];
            if (number.IsEmpty || number is "." || number.IndexOf('.') != number.LastIndexOf('.')
                || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"time: invalid duration {quoted}";
                return false;
            }

            s = s[digits..];
            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength])) unitLength++;
            if (unitLength == 0)
            {
                error = $"time: missing unit in duration {quoted}";
                return false;
            }

            var unit = s[..unitLength].ToString();
            long? scale = unit switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60_000_000_000,
                "h" => 3_600_000_000_000,
                _ => null,
            };
            if (scale is null)
            {
                error = $"time: unknown unit {GoQuote.Quote(unit)} in duration {quoted}";
                return false;
            }

            total += amount * scale.Value;
            if (total > long.MaxValue)
            {
                error = $"time: invalid duration {quoted}";
                return false;
            }

            s = s[unitLength..];
        }

        // Go truncates a fraction of a nanosecond.
        nanoseconds = (long)decimal.Truncate(negative ? -total : total);
        return true;
    }
}
