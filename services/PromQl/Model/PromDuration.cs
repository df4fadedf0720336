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
        TryParseMs(text, out var ms) ? ms : throw new FormatException($"not a valid duration string: \"{text}\"");

    public static bool TryParseMs(string? text, out long milliseconds)
    {
        milliseconds = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        var position = 0;
        var lastUnit = -1;
        long total = 0;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == digitsStart || !long.TryParse(text.AsSpan(digitsStart, position - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unit = MatchUnit(text, position);
            if (unit <= lastUnit)
            {
                return false;
            }

            position += Units[unit].Unit.Length;
            lastUnit = unit;
            try
            {
                total = checked(total + checked(amount * Units[unit].Ms));
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        milliseconds = total;
        return true;
    }

    /// <summary>Formats as Prometheus does: largest units first, <c>0s</c> for zero, a leading <c>-</c> for negatives.</summary>
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

    private static int MatchUnit(string text, int position)
    {
        if (position >= text.Length)
        {
            return -1;
        }

        // "ms" before "m": the longer unit wins where both fit.
        if (text[position] == 'm' && position + 1 < text.Length && text[position + 1] == 's')
        {
            return Units.Length - 1;
        }

        for (var i = 0; i < Units.Length - 1; i++)
        {
            if (text[position] == Units[i].Unit[0])
            {
                return i;
            }
        }

        return -1;
    }
}
