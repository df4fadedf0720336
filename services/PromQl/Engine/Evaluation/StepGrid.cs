namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// The evaluation times of one expression: <see cref="Count"/> steps from <see cref="Start"/>, <see cref="Interval"/>
/// apart. An instant query is one step; a subquery evaluates its inner expression on a grid of its own.
/// </summary>
internal readonly record struct StepGrid(long Start, long Interval, int Count)
{
    public long End => Start + ((Count - 1) * Interval);

    public long TimeAt(int step) => Start + (step * Interval);

    public static StepGrid Single(long time) => new(time, 0, 1);

    /// <summary>The steps from <paramref name="start"/> to <paramref name="end"/> inclusive; empty when end is before start.</summary>
    public static StepGrid Between(long start, long end, long interval) =>
        end < start ? new StepGrid(start, interval, 0) : new StepGrid(start, interval, (int)((end - start) / interval) + 1);
}
