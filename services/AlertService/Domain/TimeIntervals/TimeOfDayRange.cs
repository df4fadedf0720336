namespace AirisEpm.AlertService.Domain.TimeIntervals;

/// <summary>Wall-clock minutes of the day: start inclusive, end exclusive (00:00 to 24:00).</summary>
public readonly record struct TimeOfDayRange(int StartMinute, int EndMinute)
{
    public bool Contains(int minuteOfDay) => minuteOfDay >= StartMinute && minuteOfDay < EndMinute;
}
