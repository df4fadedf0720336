namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>resets and changes: how often a series went down, or changed value, within the window.</summary>
internal static class CounterFunctions
{
    public static bool Resets(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = step.Drops;
        return true;
    }

    /// <summary>A change is a different value; NaN to NaN is not a change.</summary>
    public static bool Changes(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        var changes = 0;
        for (var i = 1; i < window.Length; i++)
        {
            var current = window[i].V;
            var previous = window[i - 1].V;
            if (current != previous && !(double.IsNaN(current) && double.IsNaN(previous)))
            {
                changes++;
            }
        }

        value = changes;
        return true;
    }
}
