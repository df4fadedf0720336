namespace AirisEpm.AlertService.Domain.TimeIntervals;

/// <summary>An inclusive range of integers (weekday, day of month, month or year).</summary>
public readonly record struct IntRange(int Begin, int End)
{
    public bool Contains(int value) => value >= Begin && value <= End;
}
