using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The implementations of <see cref="VectorFunction.Supported"/>, one row each, as Loki's
/// <c>VectorAggEvaluator</c>. Folds (<c>sum min max count</c>) and moments (<c>avg stddev stdvar</c>, Loki's
/// running mean and Welford's variance) reduce each group's samples per step to one series per group;
/// selections (<c>topk bottomk</c>) keep the k largest or smallest samples of each group per step, with their
/// own labels; <c>sort</c> and <c>sort_desc</c> keep all.
/// Semantics follow Prometheus: NaN loses to any number in <c>min</c>/<c>max</c> and sorts last in selections.
/// </summary>
public static class VectorAggregators
{
    public delegate IReadOnlyList<Series> Aggregate(IReadOnlyList<Series> input, Grouping? grouping, int? parameter, int steps);

    public static readonly IReadOnlyDictionary<string, Aggregate> Implementations = new Dictionary<string, Aggregate>(StringComparer.Ordinal)
    {
        ["sum"] = Fold(v => v, (a, v) => a + v, (a, _) => a),
        ["avg"] = Moments(static m => m.Mean, keepInfiniteMean: true),
        ["stddev"] = Moments(static m => Math.Sqrt(m.Squares / m.Count), keepInfiniteMean: false),
        ["stdvar"] = Moments(static m => m.Squares / m.Count, keepInfiniteMean: false),
        ["min"] = Fold(v => v, (a, v) => v < a || double.IsNaN(a) ? v : a, (a, _) => a),
        ["max"] = Fold(v => v, (a, v) => v > a || double.IsNaN(a) ? v : a, (a, _) => a),
        ["count"] = Fold(_ => 1, (a, _) => a + 1, (a, _) => a),
        ["topk"] = Select(largest: true),
        ["bottomk"] = Select(largest: false),
        // sort and sort_desc keep every sample with its labels; only an instant query's order changes (LogQlEngine).
        ["sort"] = (input, _, _, _) => input,
        ["sort_desc"] = (input, _, _, _) => input,
    };

    /// <summary>A group's running mean and Welford's sum of squared deviations; for <c>avg</c> Loki keeps an infinite mean where Inf − Inf would give NaN.</summary>
    private record struct Moment(double Mean, double Squares, int Count);

    private static Aggregate Moments(Func<Moment, double> finish, bool keepInfiniteMean) =>
        (input, grouping, _, steps) =>
        {
            var groups = new Dictionary<LabelSet, Moment[]>();
            foreach (var series in input)
            {
                var key = Groupings.Key(series.Labels, grouping);
                if (!groups.TryGetValue(key, out var moments)) groups[key] = moments = new Moment[steps];
                for (var k = 0; k < steps; k++)
                {
                    if (series.Present[k]) moments[k] = Add(moments[k], series.Values[k], keepInfiniteMean);
                }
            }

            var result = new List<Series>(groups.Count);
            foreach (var (key, moments) in groups)
            {
                var series = new Series(key, steps);
                for (var k = 0; k < steps; k++)
                {
                    if (moments[k].Count > 0) series.Set(k, finish(moments[k]));
                }

                if (!series.IsEmpty) result.Add(series);
            }

            return result;
        };

    private static Moment Add(Moment m, double v, bool keepInfiniteMean)
    {
        if (m.Count == 0) return new Moment(v, 0, 1);
        var count = m.Count + 1;
        var delta = v - m.Mean;
        var mean = m.Mean;
        var keep = keepInfiniteMean && double.IsInfinity(mean) && ((double.IsInfinity(v) && (mean > 0) == (v > 0)) || (!double.IsInfinity(v) && !double.IsNaN(v)));
        if (!keep)
        {
            mean += delta / count;
        }

        return new Moment(mean, m.Squares + (delta * (v - mean)), count);
    }

    private static Aggregate Fold(Func<double, double> first, Func<double, double, double> fold, Func<double, int, double> finish) =>
        (input, grouping, _, steps) =>
        {
            var groups = new Dictionary<LabelSet, (double[] Value, int[] Count)>();
            foreach (var series in input)
            {
                var key = Groupings.Key(series.Labels, grouping);
                if (!groups.TryGetValue(key, out var group)) groups[key] = group = (new double[steps], new int[steps]);
                for (var k = 0; k < steps; k++)
                {
                    if (!series.Present[k]) continue;
                    var v = series.Values[k];
                    group.Value[k] = group.Count[k] == 0 ? first(v) : fold(group.Value[k], v);
                    group.Count[k]++;
                }
            }

            var result = new List<Series>(groups.Count);
            foreach (var (key, group) in groups)
            {
                var series = new Series(key, steps);
                for (var k = 0; k < steps; k++)
                {
                    if (group.Count[k] > 0) series.Set(k, finish(group.Value[k], group.Count[k]));
                }

                if (!series.IsEmpty) result.Add(series);
            }

            return result;
        };

    private static Aggregate Select(bool largest) =>
        (input, grouping, parameter, steps) =>
        {
            var k = parameter ?? throw new ArgumentException("topk and bottomk take a parameter", nameof(parameter));
            var keys = input.Select(s => Groupings.Key(s.Labels, grouping)).ToArray();
            var output = input.Select(s => new Series(s.Labels, steps)).ToArray();
            var candidates = new Dictionary<LabelSet, List<int>>();
            for (var step = 0; step < steps; step++)
            {
                candidates.Clear();
                for (var i = 0; i < input.Count; i++)
                {
                    if (!input[i].Present[step]) continue;
                    if (!candidates.TryGetValue(keys[i], out var list)) candidates[keys[i]] = list = [];
                    list.Add(i);
                }

                foreach (var list in candidates.Values)
                {
                    var at = step;
                    list.Sort((a, b) => Order(input[a].Values[at], input[b].Values[at], largest));
                    foreach (var i in list.Take(k)) output[i].Set(step, input[i].Values[step]);
                }
            }

            return output.Where(s => !s.IsEmpty).ToList();
        };

    /// <summary>Best first: larger (or smaller) values first, NaN after every number.</summary>
    private static int Order(double a, double b, bool largest)
    {
        if (double.IsNaN(a)) return double.IsNaN(b) ? 0 : 1;
        if (double.IsNaN(b)) return -1;
        return largest ? b.CompareTo(a) : a.CompareTo(b);
    }
}
