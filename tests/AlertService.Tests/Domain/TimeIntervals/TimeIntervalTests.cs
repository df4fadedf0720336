using AirisEpm.AlertService.Domain.TimeIntervals;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.TimeIntervals;

public sealed class TimeIntervalTests
{
    private static readonly TimeZoneInfo Berlin = TimeIntervalParser.ParseLocation("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeIntervalParser.ParseLocation("America/New_York");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Business_hours_follow_berlin_wall_clock_across_spring_forward()
    {
        var hours = new TimeInterval
        {
            Times = [TimeIntervalParser.ParseTimes("08:00", "17:00")],
            Weekdays = [TimeIntervalParser.ParseWeekdays("monday:friday")],
            Location = Berlin,
        };
        Assert.True(hours.Contains(Utc(3, 27, 15, 30)));  // Fri 16:30 CET
        Assert.False(hours.Contains(Utc(3, 27, 16, 30))); // Fri 17:30 CET
        Assert.False(hours.Contains(Utc(3, 28, 10, 0)));  // Saturday
        Assert.True(hours.Contains(Utc(3, 30, 6, 30)));   // Mon 08:30 CEST (UTC+2 now)
        Assert.False(hours.Contains(Utc(3, 30, 15, 30))); // Mon 17:30 CEST, would be 16:30 in CET
    }

    [Fact]
    public void Skipped_hour_never_matches_on_the_berlin_dst_day()
    {
        var night = new TimeInterval { Times = [TimeIntervalParser.ParseTimes("02:00", "03:00")], Location = Berlin };
        var clock = new FakeTimeProvider(Utc(3, 28, 23, 0));
        var matches = 0;
        while (clock.GetUtcNow() < Utc(3, 29, 4, 0))
        {
            if (night.Contains(clock.GetUtcNow())) matches++;
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(0, matches);
        Assert.True(night.Contains(Utc(3, 30, 0, 30))); // next day 02:30 CEST
    }

    [Fact]
    public void Repeated_hour_matches_twice_on_the_new_york_fall_back_day()
    {
        var interval = new TimeInterval { Times = [TimeIntervalParser.ParseTimes("01:00", "02:00")], Location = NewYork };
        var clock = new FakeTimeProvider(Utc(11, 1, 0, 0));
        var minutes = 0;
        while (clock.GetUtcNow() < Utc(11, 1, 10, 0))
        {
            if (interval.Contains(clock.GetUtcNow())) minutes++;
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(120, minutes); // 01:00-02:00 EDT then 01:00-02:00 EST
        Assert.False(interval.Contains(Utc(3, 8, 7, 30))); // spring forward: 07:30 UTC is 03:30 EDT
        Assert.True(interval.Contains(Utc(3, 8, 6, 30)));  // 01:30 EST
    }

    [Fact]
    public void Negative_days_of_month_count_from_month_end_in_the_location()
    {
        var lastDay = new TimeInterval { DaysOfMonth = [TimeIntervalParser.ParseDaysOfMonth("-1")], Location = Berlin };
        Assert.True(lastDay.Contains(Utc(2, 28, 12, 0)));
        Assert.False(lastDay.Contains(Utc(2, 27, 12, 0)));
        Assert.False(lastDay.Contains(Utc(2, 28, 23, 30))); // already 1 March in Berlin
        var firstWeek = new TimeInterval { DaysOfMonth = [TimeIntervalParser.ParseDaysOfMonth("1:7")], Months = [TimeIntervalParser.ParseMonths("march:april")], Years = [TimeIntervalParser.ParseYears("2026")] };
        Assert.True(firstWeek.Contains(Utc(4, 7, 0, 0)));
        Assert.False(firstWeek.Contains(Utc(5, 1, 0, 0)));
        var late = new TimeInterval { DaysOfMonth = [TimeIntervalParser.ParseDaysOfMonth("30:31")] };
        Assert.False(late.Contains(Utc(2, 28, 0, 0))); // beyond February's end: skipped, not clamped into it
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9:00")]
    [InlineData("10:60")]
    public void Rejects_bad_times(string end)
    {
        Assert.Throws<FormatException>(() => TimeIntervalParser.ParseTimes("08:00", end));
    }

    [Fact]
    public void Rejects_bad_ranges_and_locations()
    {
        Assert.Throws<FormatException>(() => TimeIntervalParser.ParseWeekdays("friday:monday"));
        Assert.Throws<FormatException>(() => TimeIntervalParser.ParseWeekdays("funday"));
        Assert.Throws<FormatException>(() => TimeIntervalParser.ParseDaysOfMonth("0"));
        Assert.Throws<FormatException>(() => TimeIntervalParser.ParseDaysOfMonth("-1:-3"));
        Assert.Throws<FormatException>(() => TimeIntervalParser.ParseMonths("13"));
        Assert.Throws<FormatException>(() => TimeIntervalParser.ParseLocation("Mars/Olympus"));
        Assert.Equal(new TimeOfDayRange(0, 1440), TimeIntervalParser.ParseTimes("00:00", "24:00"));
    }
}
