using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// The series a script has loaded so far: <c>load</c> blocks add to it, <c>clear</c> empties it. A series without
/// a sample (all <c>_</c>) does not exist, as in a TSDB.
/// </summary>
public sealed class ScriptData
{
    private readonly Dictionary<LabelSet, SortedDictionary<long, double>> _series = [];

    public IReadOnlyList<Series> Series =>
        [.. _series.Where(s => s.Value.Count > 0).OrderBy(s => s.Key, LabelOrder.Instance).Select(s => new Series(s.Key, [.. s.Value.Select(p => new Point(p.Key, p.Value))]))];

    public void Clear() => _series.Clear();

    /// <summary>Adds a load block's samples; a second, different value at a time a series already has is an error, as the TSDB refuses it.</summary>
    public void Load(LoadCommand load)
    {
        ArgumentNullException.ThrowIfNull(load);
        foreach (var description in load.Series)
        {
            if (!_series.TryGetValue(description.Metric, out var points))
            {
                points = [];
                _series[description.Metric] = points;
            }

            for (var i = 0; i < description.Values.Count; i++)
            {
                var value = description.Values[i];
                if (value.Omitted)
                {
                    continue;
                }

                var t = i * load.IntervalMs;
                if (points.TryGetValue(t, out var existing) && BitConverter.DoubleToInt64Bits(existing) != BitConverter.DoubleToInt64Bits(value.Value))
                {
                    throw new ScriptFormatException(load.Line, $"{description.Metric} already has a different sample at {t} ms (duplicate sample for timestamp)");
                }

                points[t] = value.Value;
            }
        }
    }
}
