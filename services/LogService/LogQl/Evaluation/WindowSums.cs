using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The per-step sums of one series while lines are added: a line adds to a run of steps (its windows),
/// kept as difference arrays so each line costs O(1) however many windows overlap, and
/// <see cref="ToSeries"/> turns them into values in one pass. A step has a sample when at least one line
/// fell in its window, as in Loki (no line, no point: never a zero).
/// </summary>
public sealed class WindowSums(int steps)
{
    private readonly long[] _lines = new long[steps + 1];
    private readonly double[] _bytes = new double[steps + 1];

    public void Add(int first, int last, double bytes)
    {
        _lines[first]++;
        _lines[last + 1]--;
        _bytes[first] += bytes;
        _bytes[last + 1] -= bytes;
    }

    /// <summary>The series: per step, the lines or bytes in the window, divided by <paramref name="divisor"/> (the range in seconds for rates).</summary>
    public Series ToSeries(LabelSet labels, bool bytes, double divisor)
    {
        var series = new Series(labels, _lines.Length - 1);
        long lines = 0;
        double sum = 0;
        for (var k = 0; k < _lines.Length - 1; k++)
        {
            lines += _lines[k];
            sum += _bytes[k];
            if (lines > 0) series.Set(k, (bytes ? Math.Round(sum) : lines) / divisor);
        }

        return series;
    }
}
