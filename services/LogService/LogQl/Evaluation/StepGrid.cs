namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The evaluation times of a query, in Unix nanoseconds: <see cref="Count"/> steps from
/// <see cref="StartNs"/>, <see cref="StepNs"/> apart (the last at or before the range's end, as Loki).
/// An instant query is a grid of one step.
/// </summary>
public sealed record StepGrid(long StartNs, long StepNs, int Count)
{
    public long LastNs => StartNs + ((Count - 1) * StepNs);

    public long Time(int step) => StartNs + (step * StepNs);

    public static StepGrid Range(long startNs, long endNs, long stepNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(endNs, startNs);
        return new StepGrid(startNs, stepNs, (int)Math.Min(int.MaxValue, ((endNs - startNs) / stepNs) + 1));
    }

    public static StepGrid Instant(long timeNs) => new(timeNs, 1, 1);
}
