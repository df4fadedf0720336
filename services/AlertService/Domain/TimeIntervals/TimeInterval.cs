namespace AirisEpm.AlertService.Domain.TimeIntervals;

/// <summary>
/// One Alertmanager time interval. Every present field must match (an absent one matches all).
/// Matching converts the instant to <see cref="Location"/> and compares wall-clock fields, which
/// is what makes DST right: a 02:00-03:00 window does not occur on a spring-forward day in
/// Berlin and occurs twice on a fall-back day in New York, exactly as Go's time.In does.
/// </summary>
public sealed record TimeInterval
{
    public IReadOnlyList<TimeOfDayRange>? Times { get; init; }

    /// <summary>Days of week, 0 = Sunday (as Go's time.Weekday).</summary>
    public IReadOnlyList<IntRange>? Weekdays { get; init; }

    /// <summary>1..31 or -31..-1 (negative counts from the month's end: -1 = last day).</summary>
    public IReadOnlyList<IntRange>? DaysOfMonth { get; init; }

    public IReadOnlyList<IntRange>? Months { get; init; }

    public IReadOnlyList<IntRange>? Years { get; init; }

    public TimeZoneInfo Location { get; init; } = TimeZoneInfo.Utc;

    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Location);
        var minute = (local.Hour * 60) + local.Minute;
        return (Times is null || Times.Any(t => t.Contains(minute)))
            && (Weekdays is null || Weekdays.Any(w => w.Contains((int)local.DayOfWeek)))
            && (DaysOfMonth is null || DaysOfMonth.Any(d => ContainsDay(d, local)))
            && (Months is null || Months.Any(m => m.Contains(local.Month)))
            && (Years is null || Years.Any(y => y.Contains(local.Year)));
    }

    private static bool ContainsDay(IntRange range, DateTimeOffset local)
    {
        var days = DateTime.DaysInMonth(local.Year, local.Month);
        var begin = range.Begin < 0 ? days + range.Begin + 1 : range.Begin;
        var end = range.End < 0 ? days + range.End + 1 : range.End;
        if (begin > days) return false;
        end = Math.Min(end, days);
        return local.Day >= begin && local.Day <= end;
    }
}
