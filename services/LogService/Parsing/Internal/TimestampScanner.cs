using System.Globalization;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Reads the timestamp shapes log lines start with, to Unix nanoseconds. Without a zone the time
/// is UTC. Shapes without a year (RFC 3164, klog) take the receive time's year, or the year before
/// when that would put the line more than a day in the future (a December line read in January);
/// time-of-day-only shapes take the receive day the same way. Each method consumes the timestamp
/// and returns true, or consumes nothing.
/// </summary>
internal static class TimestampScanner
{
    private const long NsPerDay = 86_400_000_000_000;
    private const long NsPerHour = 3_600_000_000_000;
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>
    /// The timestamps application lines start with: <c>yyyy-MM-dd[T ]HH:mm:ss[.,fraction][zone]</c>
    /// (and <c>yyyy/MM/dd</c>, nginx), <c>yy/MM/dd HH:mm:ss</c> (Spark), <c>yyMMdd HHmmss</c> (HDFS),
    /// and a bare <c>HH:mm:ss[.fff]</c> (logback's default, Serilog's console).
    /// </summary>
    public static bool TryApplicationPrefix(ref LineCursor c, long receivedNs, out long ns)
    {
        ns = 0;
        if (!char.IsAsciiDigit(c.Current) || !char.IsAsciiDigit(c.PeekAt(1))) return false;
        return c.PeekAt(2) switch
        {
            '/' => TryShortYearSlash(ref c, out ns),
            ':' => TryTimeOfDay(ref c, receivedNs, out ns),
            _ when c.PeekAt(4) is '-' or '/' => TryIso(ref c, out ns),
            _ when c.PeekAt(6) == ' ' => TryCompact(ref c, out ns),
            _ => false,
        };
    }

    /// <summary>
    /// <c>yyyy-MM-dd[T ]HH:mm:ss[.,fraction][Z|±hh[:mm]]</c>, or with '/' between the date parts.
    /// A zone after one space (<c>+00:00</c>, <c>-0700</c>, <c>UTC</c>, Serilog's file default) is
    /// taken too when <paramref name="allowDetachedZone"/>.
    /// </summary>
    public static bool TryIso(ref LineCursor c, out long ns, bool allowDetachedZone = true)
    {
        ns = 0;
        var t = c;
        if (!t.TryDigits(4, out var year)) return false;
        var separator = t.Current;
        if (separator is not ('-' or '/') || !t.TryChar(separator) || !t.TryDigits(2, out var month)
            || !t.TryChar(separator) || !t.TryDigits(2, out var day))
        {
            return false;
        }
        if (t.Current is not ('T' or 't' or ' ')) return false;
        t.Pos++;
        if (!TryClock(ref t, out var hour, out var minute, out var second, out var fraction)) return false;
        if (!TryAttachedZone(ref t, out var offset) && !(allowDetachedZone && TryDetachedZone(ref t, out offset))) offset = 0;
        if (!CivilTime.TryToUnixNs(year, month, day, hour, minute, second, fraction, offset, out ns)) return false;
        c = t;
        return true;
    }

    /// <summary><c>yy/MM/dd HH:mm:ss</c>, log4j's <c>%d{yy/MM/dd HH:mm:ss}</c> as Spark writes it; years 2000-2099.</summary>
    public static bool TryShortYearSlash(ref LineCursor c, out long ns)
    {
        ns = 0;
        var t = c;
        if (!t.TryDigits(2, out var year) || !t.TryChar('/') || !t.TryDigits(2, out var month) || !t.TryChar('/')
            || !t.TryDigits(2, out var day) || !t.TryChar(' ') || !TryClock(ref t, out var hour, out var minute, out var second, out var fraction)
            || !CivilTime.TryToUnixNs(2000 + year, month, day, hour, minute, second, fraction, 0, out ns))
        {
            return false;
        }
        c = t;
        return true;
    }

    /// <summary><c>yyMMdd HHmmss</c>, old Hadoop HDFS logs; must be followed by a space.</summary>
    public static bool TryCompact(ref LineCursor c, out long ns)
    {
        ns = 0;
        var t = c;
        if (!t.TryDigits(2, out var year) || !t.TryDigits(2, out var month) || !t.TryDigits(2, out var day) || !t.TryChar(' ')
            || !t.TryDigits(2, out var hour) || !t.TryDigits(2, out var minute) || !t.TryDigits(2, out var second) || !t.AtSpaceOrEnd
            || !CivilTime.TryToUnixNs(2000 + year, month, day, hour, minute, second, 0, 0, out ns))
        {
            return false;
        }
        c = t;
        return true;
    }

    /// <summary><c>HH:mm:ss[.fff]</c> on the receive day (or the day before, when that is more than 12 hours ahead).</summary>
    public static bool TryTimeOfDay(ref LineCursor c, long receivedNs, out long ns)
    {
        ns = 0;
        var t = c;
        if (!TryClock(ref t, out var hour, out var minute, out var second, out var fraction) || hour > 23 || minute > 59 || second > 59) return false;
        ns = CivilTime.DayStartNs(receivedNs) + ((hour * 60L + minute) * 60 + second) * 1_000_000_000 + fraction;
        if (ns - receivedNs > 12 * NsPerHour) ns -= NsPerDay;
        c = t;
        return true;
    }

    /// <summary>RFC 3164 <c>Mmm dd HH:mm:ss</c> (day space-padded or not), year inferred from the receive time.</summary>
    public static bool TryRfc3164(ref LineCursor c, long receivedNs, out long ns)
    {
        ns = 0;
        var t = c;
        if (!TryMonthName(ref t, out var month) || !t.TryChar(' ')) return false;
        t.TryChar(' ');
        if (!TryDayOfMonth(ref t, out var day) || !t.TryChar(' ') || !TryClock(ref t, out var hour, out var minute, out var second, out var fraction)
            || !TryWithInferredYear(month, day, hour, minute, second, fraction, receivedNs, out ns))
        {
            return false;
        }
        c = t;
        return true;
    }

    /// <summary>C's <c>ctime</c> as Apache's error log writes it: <c>Www Mmm dd HH:mm:ss[.ffffff] yyyy</c>.</summary>
    public static bool TryCtime(ref LineCursor c, out long ns)
    {
        ns = 0;
        var t = c;
        if (!TryName(ref t, Weekdays, out _) || !t.TryChar(' ') || !TryMonthName(ref t, out var month) || !t.TryChar(' ')) return false;
        t.TryChar(' ');
        if (!TryDayOfMonth(ref t, out var day) || !t.TryChar(' ') || !TryClock(ref t, out var hour, out var minute, out var second, out var fraction)
            || !t.TryChar(' ') || !t.TryDigits(4, out var year)
            || !CivilTime.TryToUnixNs(year, month, day, hour, minute, second, fraction, 0, out ns))
        {
            return false;
        }
        c = t;
        return true;
    }

    /// <summary>Common Log Format <c>dd/Mmm/yyyy:HH:mm:ss ±hhmm</c>.</summary>
    public static bool TryClf(ref LineCursor c, out long ns)
    {
        ns = 0;
        var t = c;
        if (!t.TryDigits(2, out var day) || !t.TryChar('/') || !TryMonthName(ref t, out var month) || !t.TryChar('/')
            || !t.TryDigits(4, out var year) || !t.TryChar(':') || !TryClock(ref t, out var hour, out var minute, out var second, out var fraction))
        {
            return false;
        }
        var offset = 0;
        if (t.TryChar(' ') && !TryNumericOffset(ref t, out offset)) return false;
        if (!CivilTime.TryToUnixNs(year, month, day, hour, minute, second, fraction, offset, out ns)) return false;
        c = t;
        return true;
    }

    /// <summary>A field value: a whole ISO 8601 timestamp, or an epoch number in s, ms, µs or ns (told apart by magnitude).</summary>
    public static bool TryField(ReadOnlySpan<char> text, out long ns)
    {
        text = text.Trim();
        var c = new LineCursor(text);
        if (TryIso(ref c, out ns) && c.AtEnd) return true;
        return TryEpoch(text, out ns);
    }

    /// <summary>
    /// Epoch numbers by their integer digits: up to 10 seconds (until 2286), 11-13 milliseconds,
    /// 14-16 microseconds, 17-19 nanoseconds; a fraction is honoured down to the nanosecond.
    /// </summary>
    public static bool TryEpoch(ReadOnlySpan<char> text, out long ns)
    {
        ns = 0;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        ReadOnlySpan<char> fraction = dot < 0 ? default : text[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 19 || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        var scaleDigits = whole.Length switch { <= 10 => 9, <= 13 => 6, <= 16 => 3, _ => 0 };
        var scale = 1L;
        for (var i = 0; i < scaleDigits; i++) scale *= 10;
        if (value > long.MaxValue / scale) return false;
        ns = value * scale;
        for (var i = 0; i < scaleDigits && i < fraction.Length; i++)
        {
            scale /= 10;
            ns += (fraction[i] - '0') * scale;
        }
        return true;
    }

    /// <summary>Month and day without a year: the receive year, or the one before when that lands more than a day ahead.</summary>
    public static bool TryWithInferredYear(int month, int day, int hour, int minute, int second, long fraction, long receivedNs, out long ns)
    {
        var year = CivilTime.YearOf(receivedNs);
        if (!CivilTime.TryToUnixNs(year, month, day, hour, minute, second, fraction, 0, out ns)
            && !CivilTime.TryToUnixNs(year - 1, month, day, hour, minute, second, fraction, 0, out ns))
        {
            return false;
        }
        if (ns - receivedNs > NsPerDay) return CivilTime.TryToUnixNs(year - 1, month, day, hour, minute, second, fraction, 0, out ns);
        return true;
    }

    /// <summary><c>HH:mm:ss</c> with an optional fraction after '.' or ',' (digits past nanoseconds are read and ignored).</summary>
    public static bool TryClock(ref LineCursor c, out int hour, out int minute, out int second, out long fractionNs)
    {
        minute = second = 0;
        fractionNs = 0;
        var t = c;
        if (!t.TryDigits(2, out hour) || !t.TryChar(':') || !t.TryDigits(2, out minute) || !t.TryChar(':') || !t.TryDigits(2, out second)) return false;
        if (t.Current is '.' or ',' && char.IsAsciiDigit(t.PeekAt(1)))
        {
            t.Pos++;
            var digits = 0;
            while (char.IsAsciiDigit(t.Current))
            {
                if (digits < 9) fractionNs = fractionNs * 10 + (t.Current - '0');
                digits++;
                t.Pos++;
            }
            for (var i = digits; i < 9; i++) fractionNs *= 10;
        }
        c = t;
        return true;
    }

    public static bool TryMonthName(ref LineCursor c, out int month)
    {
        var found = TryName(ref c, Months, out var index);
        month = index + 1;
        return found;
    }

    /// <summary><c>Z</c>, <c>±hh:mm</c>, <c>±hhmm</c> or <c>±hh</c> directly after the time.</summary>
    private static bool TryAttachedZone(ref LineCursor c, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (c.Current is 'Z' or 'z')
        {
            c.Pos++;
            return true;
        }
        return TryNumericOffset(ref c, out offsetMinutes);
    }

    /// <summary>One space then <c>±hh:mm</c>, <c>±hhmm</c>, <c>UTC</c>, <c>GMT</c> or <c>Z</c>, followed by a space or the end.</summary>
    private static bool TryDetachedZone(ref LineCursor c, out int offsetMinutes)
    {
        offsetMinutes = 0;
        var t = c;
        if (!t.TryChar(' ')) return false;
        if (!(t.TryText("UTC") || t.TryText("GMT") || t.TryChar('Z') || TryNumericOffset(ref t, out offsetMinutes)) || !t.AtSpaceOrEnd) return false;
        c = t;
        return true;
    }

    private static bool TryNumericOffset(ref LineCursor c, out int offsetMinutes)
    {
        offsetMinutes = 0;
        var t = c;
        var sign = t.Current switch { '+' => 1, '-' => -1, _ => 0 };
        if (sign == 0) return false;
        t.Pos++;
        if (!t.TryDigits(2, out var hours) || hours > 18) return false;
        var minutes = 0;
        if (t.TryChar(':'))
        {
            if (!t.TryDigits(2, out minutes)) return false;
        }
        else if (char.IsAsciiDigit(t.Current) && !t.TryDigits(2, out minutes))
        {
            return false;
        }
        if (minutes > 59 || char.IsAsciiDigit(t.Current)) return false;
        offsetMinutes = sign * (hours * 60 + minutes);
        c = t;
        return true;
    }

    private static bool TryDayOfMonth(ref LineCursor c, out int day)
    {
        day = 0;
        if (!char.IsAsciiDigit(c.Current)) return false;
        return char.IsAsciiDigit(c.PeekAt(1)) ? c.TryDigits(2, out day) : c.TryDigits(1, out day);
    }

    private static bool TryName(ref LineCursor c, string[] names, out int index)
    {
        index = -1;
        if (c.Pos + 3 > c.Text.Length) return false;
        var word = c.Text.Slice(c.Pos, 3);
        for (var i = 0; i < names.Length; i++)
        {
            if (!word.Equals(names[i], StringComparison.OrdinalIgnoreCase)) continue;
            index = i;
            c.Pos += 3;
            return true;
        }
        return false;
    }
}
