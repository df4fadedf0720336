using System.Globalization;
using System.Text;

namespace AirisEpm.GoTemplates;

/// <summary>
/// Go's reference-time layouts (<c>2006-01-02T15:04:05Z07:00</c>), as <c>time.Time.Format</c> and
/// <c>time.Parse</c> read them: the same elements (<c>2006 06 January Jan 01 1 Monday Mon 02 _2 2 002 __2
/// 15 03 3 04 4 05 5 PM pm MST -0700 -07:00 -07 Z0700 Z07:00 Z07 .000 .999</c>) found the way Go's
/// <c>nextStdChunk</c> finds them; everything else is literal text. Times are written in their own offset
/// (zone names are written as <c>UTC</c> or the offset); parsing reads offsets and treats a zone name as UTC.
/// </summary>
public static class GoTimeLayout
{
    private static readonly string[] LongMonths = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly string[] ShortMonths = [.. LongMonths.Select(m => m[..3])];
    private static readonly string[] LongDays = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
    private static readonly string[] ShortDays = [.. LongDays.Select(d => d[..3])];

    public static string Format(DateTimeOffset time, string layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var sb = new StringBuilder(layout.Length + 10);
        var i = 0;
        while (i < layout.Length)
        {
            var (element, length) = Next(layout, i);
            if (element is null)
            {
                sb.Append(layout[i]);
                i++;
                continue;
            }

            Write(sb, time, element, layout.AsSpan(i, length));
            i += length;
        }

        return sb.ToString();
    }

    /// <summary><c>time.Parse</c>: false (and <paramref name="time"/> the zero time) when <paramref name="text"/> does not fit the layout.</summary>
    public static bool TryParse(string layout, string text, TimeSpan defaultOffset, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(text);
        time = DateTimeOffset.MinValue;
        int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, yearDay = -1;
        long fractionTicks = 0;
        bool? pm = null;
        var offset = defaultOffset;
        int i = 0, t = 0;
        while (i < layout.Length)
        {
            var (element, length) = Next(layout, i);
            if (element is null)
            {
                if (t >= text.Length || text[t] != layout[i]) return false;
                i++;
                t++;
                continue;
            }

            var ok = element switch
            {
                "2006" => Number(text, ref t, 4, 4, out year),
                "06" => Number(text, ref t, 2, 2, out year) && Adjust(ref year, year >= 69 ? 1900 : 2000),
                "January" => Name(text, ref t, LongMonths, out month),
                "Jan" => Name(text, ref t, ShortMonths, out month),
                "01" => Number(text, ref t, 2, 2, out month),
                "1" => Number(text, ref t, 1, 2, out month),
                "Monday" => Name(text, ref t, LongDays, out _),
                "Mon" => Name(text, ref t, ShortDays, out _),
                "02" => Number(text, ref t, 2, 2, out day),
                "_2" => SkipSpace(text, ref t) && Number(text, ref t, 1, 2, out day),
                "2" => Number(text, ref t, 1, 2, out day),
                "002" => Number(text, ref t, 3, 3, out yearDay),
                "__2" => SkipSpace(text, ref t) && Number(text, ref t, 1, 3, out yearDay),
                "15" => Number(text, ref t, 1, 2, out hour),
                "03" => Number(text, ref t, 2, 2, out hour),
                "3" => Number(text, ref t, 1, 2, out hour),
                "04" => Number(text, ref t, 2, 2, out minute),
                "4" => Number(text, ref t, 1, 2, out minute),
                "05" => Number(text, ref t, 2, 2, out second),
                "5" => Number(text, ref t, 1, 2, out second),
                "PM" or "pm" => Meridiem(text, ref t, out pm),
                "MST" => ZoneName(text, ref t, ref offset),
                ".0" or ".9" => Fraction(text, ref t, element == ".0" ? length - 1 : 0, out fractionTicks),
                _ => Offset(text, ref t, element, ref offset),
            };
            if (!ok) return false;
            i += length;
        }

        if (t != text.Length) return false;
        if (pm is { } isPm)
        {
            if (hour > 12) return false;
            hour = isPm ? (hour % 12) + 12 : hour % 12;
        }

        try
        {
            var date = yearDay > 0 ? new DateTime(year, 1, 1).AddDays(yearDay - 1) : new DateTime(year, month, day);
            time = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, offset).AddTicks(fractionTicks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The layout element at <paramref name="i"/> (its canonical name and its length in the layout), or null for a literal character.</summary>
    private static (string? Element, int Length) Next(string layout, int i)
    {
        var rest = layout.AsSpan(i);
        foreach (var element in (string[])["January", "Jan", "Monday", "Mon", "MST", "2006", "002", "__2", "_2", "01", "02", "03", "04", "05", "06", "15", "PM", "pm",
                     "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07", "-07:00:00", "-070000", "-07:00", "-0700", "-07", "1", "2", "3", "4", "5"])
        {
            if (!rest.StartsWith(element, StringComparison.Ordinal)) continue;
            // Go: "Mon" and "Jan" are elements only when not followed by a lower-case letter ("Month" is literal).
            if (element is "Jan" or "Mon" && rest.Length > 3 && char.IsAsciiLetterLower(rest[3])) continue;
            if (element == "2" && rest.StartsWith("2006", StringComparison.Ordinal)) continue;
            return (element, element.Length);
        }

        // ".000" or ",999": a run of 0s or 9s after a separator, not followed by a digit.
        if (rest.Length >= 2 && rest[0] is '.' or ',' && rest[1] is '0' or '9')
        {
            var n = 1;
            while (n < rest.Length && rest[n] == rest[1]) n++;
            if (n >= rest.Length || !char.IsAsciiDigit(rest[n])) return (rest[1] == '0' ? ".0" : ".9", n);
        }

        return (null, 1);
    }

    private static void Write(StringBuilder sb, DateTimeOffset time, string element, ReadOnlySpan<char> written)
    {
        var c = CultureInfo.InvariantCulture;
        var hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        switch (element)
        {
            case "2006": sb.Append(time.Year.ToString("0000", c)); break;
            case "06": sb.Append((time.Year % 100).ToString("00", c)); break;
            case "January": sb.Append(LongMonths[time.Month - 1]); break;
            case "Jan": sb.Append(ShortMonths[time.Month - 1]); break;
            case "01": sb.Append(time.Month.ToString("00", c)); break;
            case "1": sb.Append(time.Month.ToString(c)); break;
            case "Monday": sb.Append(LongDays[(int)time.DayOfWeek]); break;
            case "Mon": sb.Append(ShortDays[(int)time.DayOfWeek]); break;
            case "02": sb.Append(time.Day.ToString("00", c)); break;
            case "_2": sb.Append(time.Day.ToString(c).PadLeft(2)); break;
            case "2": sb.Append(time.Day.ToString(c)); break;
            case "002": sb.Append(time.DayOfYear.ToString("000", c)); break;
            case "__2": sb.Append(time.DayOfYear.ToString(c).PadLeft(3)); break;
            case "15": sb.Append(time.Hour.ToString("00", c)); break;
            case "03": sb.Append(hour12.ToString("00", c)); break;
            case "3": sb.Append(hour12.ToString(c)); break;
            case "04": sb.Append(time.Minute.ToString("00", c)); break;
            case "4": sb.Append(time.Minute.ToString(c)); break;
            case "05": sb.Append(time.Second.ToString("00", c)); break;
            case "5": sb.Append(time.Second.ToString(c)); break;
            case "PM": sb.Append(time.Hour >= 12 ? "PM" : "AM"); break;
            case "pm": sb.Append(time.Hour >= 12 ? "pm" : "am"); break;
            case "MST": sb.Append(time.Offset == TimeSpan.Zero ? "UTC" : OffsetText(time.Offset, "-07:00")); break;
            case ".0" or ".9":
                var digits = (time.UtcTicks % TimeSpan.TicksPerSecond * 100).ToString("000000000", c)[..Math.Min(9, written.Length - 1)];
                if (element == ".9") digits = digits.TrimEnd('0');
                if (digits.Length > 0) sb.Append(written[0]).Append(digits);
                break;
            default:
                sb.Append(element[0] == 'Z' && time.Offset == TimeSpan.Zero ? "Z" : OffsetText(time.Offset, element));
                break;
        }
    }

    private static string OffsetText(TimeSpan offset, string element)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        var shape = element.TrimStart('Z', '-');
        var c = CultureInfo.InvariantCulture;
        var text = shape switch
        {
            "07" => abs.Hours.ToString("00", c),
            "0700" => abs.Hours.ToString("00", c) + abs.Minutes.ToString("00", c),
            "070000" => abs.Hours.ToString("00", c) + abs.Minutes.ToString("00", c) + abs.Seconds.ToString("00", c),
            "07:00:00" => $"{abs.Hours.ToString("00", c)}:{abs.Minutes.ToString("00", c)}:{abs.Seconds.ToString("00", c)}",
            _ => $"{abs.Hours.ToString("00", c)}:{abs.Minutes.ToString("00", c)}",
        };
        return sign + text;
    }

    private static bool Number(string text, ref int t, int min, int max, out int value)
    {
        value = 0;
        var start = t;
        while (t < text.Length && t - start < max && char.IsAsciiDigit(text[t]))
        {
            value = (value * 10) + (text[t] - '0');
            t++;
        }

        return t - start >= min;
    }

    private static bool Adjust(ref int value, int by)
    {
        value += by;
        return true;
    }

    private static bool SkipSpace(string text, ref int t)
    {
        if (t < text.Length && text[t] == ' ') t++;
        return true;
    }

    private static bool Name(string text, ref int t, string[] names, out int index)
    {
        for (var n = 0; n < names.Length; n++)
        {
            if (string.Compare(text, t, names[n], 0, names[n].Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                t += names[n].Length;
                index = n + 1;
                return true;
            }
        }

        index = 0;
        return false;
    }

    private static bool Meridiem(string text, ref int t, out bool? pm)
    {
        pm = null;
        if (t + 2 > text.Length) return false;
        var word = text.Substring(t, 2).ToUpperInvariant();
        if (word is not ("AM" or "PM")) return false;
        pm = word == "PM";
        t += 2;
        return true;
    }

    private static bool ZoneName(string text, ref int t, ref TimeSpan offset)
    {
        var start = t;
        while (t < text.Length && char.IsAsciiLetterUpper(text[t])) t++;
        if (t - start < 3) return false;
        offset = TimeSpan.Zero;
        return true;
    }

    private static bool Fraction(string text, ref int t, int fixedDigits, out long ticks)
    {
        ticks = 0;
        if (t >= text.Length || text[t] is not ('.' or ','))
        {
            return fixedDigits == 0;
        }

        t++;
        var start = t;
        while (t < text.Length && char.IsAsciiDigit(text[t])) t++;
        var digits = text[start..t];
        if (digits.Length == 0 || (fixedDigits > 0 && digits.Length != fixedDigits)) return false;
        ticks = long.Parse(digits.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        return true;
    }

    private static bool Offset(string text, ref int t, string element, ref TimeSpan offset)
    {
        if (element[0] == 'Z' && t < text.Length && text[t] == 'Z')
        {
            t++;
            offset = TimeSpan.Zero;
            return true;
        }

        if (t >= text.Length || text[t] is not ('+' or '-')) return false;
        var negative = text[t] == '-';
        t++;
        var shape = element.TrimStart('Z', '-');
        int hours, minutes = 0, seconds = 0;
        if (!Number(text, ref t, 2, 2, out hours)) return false;
        if (shape.Length > 2)
        {
            if (shape[2] == ':' && (t >= text.Length || text[t++] != ':')) return false;
            if (!Number(text, ref t, 2, 2, out minutes)) return false;
            if (shape.Length > 5)
            {
                if (shape[5] == ':' && (t >= text.Length || text[t++] != ':')) return false;
                if (!Number(text, ref t, 2, 2, out seconds)) return false;
            }
        }

        var value = new TimeSpan(hours, minutes, 0);
        if (seconds != 0 || value > TimeSpan.FromHours(14)) return false;
        offset = negative ? -value : value;
        return true;
    }
}
