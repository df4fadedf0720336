using System.Globalization;
using System.Text;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Durations as LogQL writes them: one or more <c>number unit</c> parts, largest first
/// (<c>5m</c>, <c>1h30m</c>, <c>1.5s</c>, <c>250ms</c>), units <c>y w d h m s ms us µs ns</c>
/// (a year is 365 days, as in Prometheus). This is the union of Go's <c>time.ParseDuration</c>
/// and Prometheus's <c>model.ParseDuration</c>, which Loki's lexer tries in turn.
/// </summary>
public static class LogQlDuration
{
    public const long Nanosecond = 1;
    public const long Microsecond = 1_000;
    public const long Millisecond = 1_000_000;
    public const long Second = 1_000_000_000;
    public const long Minute = 60 * Second;
    public const long Hour = 60 * Minute;
    public const long Day = 24 * Hour;
    public const long Week = 7 * Day;
    public const long Year = 365 * Day;

    private static readonly (string Unit, long Ns)[] Units =
    [
        ("y", Year), ("w", Week), ("d", Day), ("h", Hour), ("m", Minute), ("s", Second), ("ms", Millisecond), ("us", Microsecond), ("ns", Nanosecond),
    ];

    /// <summary>Parses <paramref name="text"/> into nanoseconds; false when it is not a duration or overflows.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var total = 0m;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == 'µ'))
            {
                i++;
            }

            if (UnitNs(text[unitStart..i]) is not { } unit)
            {
                return false;
            }

            total += amount * unit;
            if (total > long.MaxValue)
            {
                return false;
            }
        }

        nanoseconds = (long)decimal.Round(total);
        return true;
    }

    /// <summary>The canonical text of <paramref name="nanoseconds"/> (<c>1h30m</c>, <c>0s</c>); <see cref="TryParse"/> reads it back exactly.</summary>
    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (nanoseconds < 0)
        {
            builder.Append('-');
            nanoseconds = -nanoseconds;
        }

        foreach (var (unit, ns) in Units)
        {
            if (nanoseconds >= ns)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{nanoseconds / ns}{unit}");
                nanoseconds %= ns;
            }
        }

        return builder.ToString();
    }

    private static long? UnitNs(ReadOnlySpan<char> unit) => unit switch
    {
        "y" => Year,
        "w" => Week,
        "d" => Day,
        "h" => Hour,
        "m" => Minute,
        "s" => Second,
        "ms" => Millisecond,
        "us" or "µs" or "μs" => Microsecond,
        "ns" => Nanosecond,
        _ => null,
    };
}
