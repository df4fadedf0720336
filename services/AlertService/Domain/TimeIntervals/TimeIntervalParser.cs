using System.Globalization;

namespace AirisEpm.AlertService.Domain.TimeIntervals;

/// <summary>
/// Parses the string forms of Alertmanager time interval fields (<c>monday:friday</c>, <c>-3:-1</c>,
/// <c>january:march</c>, <c>09:00</c>). Errors throw <see cref="FormatException"/> naming the value.
/// </summary>
public static class TimeIntervalParser
{
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static TimeOfDayRange ParseTimes(string start, string end)
    {
        var s = ParseClock(start);
        var e = ParseClock(end);
        return s < e ? new TimeOfDayRange(s, e) : throw new FormatException($"start_time {start} must be before end_time {end}");
    }

    public static IntRange ParseWeekdays(string text) => ParseRange(text, "weekday", v => IndexOf(Weekdays, v, 0), 0, 6);

    public static IntRange ParseMonths(string text) => ParseRange(text, "month", v => IndexOf(Months, v, 1), 1, 12);

    public static IntRange ParseYears(string text) => ParseRange(text, "year", ParseInt, 1, 9999);

    public static IntRange ParseDaysOfMonth(string text)
    {
        var range = ParseRange(text, "day of month", ParseInt, -31, 31, allowDescending: true);
        if (range.Begin == 0 || range.End == 0) throw new FormatException($"day of month {text}: 0 is not a day");
        if (Math.Sign(range.Begin) == Math.Sign(range.End) && range.Begin > range.End)
        {
            throw new FormatException($"day of month {text}: end must not be before start");
        }
        return range;
    }

    public static TimeZoneInfo ParseLocation(string? name)
    {
        if (string.IsNullOrEmpty(name) || name == "UTC") return TimeZoneInfo.Utc;
        if (name == "Local") return TimeZoneInfo.Local;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"unknown location {name}");
        }
    }

    private static int ParseClock(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || parts[0].Length != 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m > 59 || h > 24 || (h == 24 && m != 0))
        {
            throw new FormatException($"invalid time of day {text}: expected HH:MM between 00:00 and 24:00");
        }
        return (h * 60) + m;
    }

    private static IntRange ParseRange(string text, string what, Func<string, int?> parse, int min, int max, bool allowDescending = false)
    {
        var parts = text.Split(':');
        if (parts.Length > 2) throw new FormatException($"invalid {what} range {text}");
        var begin = parse(parts[0].Trim().ToLowerInvariant());
        var end = parts.Length == 2 ? parse(parts[1].Trim().ToLowerInvariant()) : begin;
        if (begin is null || end is null || begin < min || begin > max || end < min || end > max)
        {
            throw new FormatException($"invalid {what} {text}: expected values in {min}..{max}");
        }
        if (!allowDescending && begin > end) throw new FormatException($"invalid {what} range {text}: end before start");
        return new IntRange(begin.Value, end.Value);
    }

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? IndexOf(string[] names, string value, int offset)
    {
        var i = Array.IndexOf(names, value);
        return i >= 0 ? i + offset : ParseInt(value);
    }
}
