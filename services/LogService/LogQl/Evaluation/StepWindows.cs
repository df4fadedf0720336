namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Which steps' windows a line falls in. Step t's window is (t − offset − range, t − offset], as Loki's
/// range vectors (left-open, right-closed). A line at u = ts + offset is in the windows of the steps
/// t with u ≤ t &lt; u + range: one contiguous run of steps, found in O(1).
/// </summary>
public static class StepWindows
{
    /// <summary>The first and last step whose window holds a line at <paramref name="timestampNs"/>; first &gt; last when none does.</summary>
    public static (int First, int Last) Of(long timestampNs, StepGrid grid, long rangeNs, long offsetNs)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var u = timestampNs + offsetNs;
        var first = CeilingDivide(u - grid.StartNs, grid.StepNs);
        var last = FloorDivide(u + rangeNs - 1 - grid.StartNs, grid.StepNs);
        return ((int)Math.Max(0, first), (int)Math.Min(grid.Count - 1, last));
    }

    /// <summary>The store range [start, end) that holds every line of every window of the grid.</summary>
    public static (long StartNs, long EndNs) Span(StepGrid grid, long rangeNs, long offsetNs)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return (grid.StartNs - offsetNs - rangeNs + 1, grid.LastNs - offsetNs + 1);
    }

    private static long FloorDivide(long a, long b) => a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private static long CeilingDivide(long a, long b) => -FloorDivide(-a, b);
}
