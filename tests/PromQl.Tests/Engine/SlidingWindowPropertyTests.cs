using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>
/// Range functions see each window through indices that slide forward, counting counter resets as samples enter
/// and leave: over random series (drops, repeats, NaN, gaps) and random windows, resets and increase answer what a
/// direct count over each left-open window gives.
/// </summary>
public sealed class SlidingWindowPropertyTests
{
    private static readonly Gen<double> Value = Gen.Frequency((8, Gen.Int[0, 20].Select(i => (double)i)), (1, Gen.Const(double.NaN)));

    private static readonly Gen<Point[]> Samples = Gen.Select(Gen.Int[1, 40], Gen.Int[1, 3], (count, gap) => (count, gap))
        .SelectMany(c => Gen.Select(Value.Array[c.count], Gen.Int[0, 2].Array[c.count], (values, skips) =>
        {
            var points = new List<Point>();
            var t = 0L;
            for (var i = 0; i < values.Length; i++)
            {
                t += (skips[i] + 1) * c.gap * 10_000L;
                points.Add(new Point(t, values[i]));
            }

            return points.ToArray();
        }));

    [Fact]
    public void Resets_and_increase_match_a_direct_count_over_each_window() =>
        Gen.Select(Samples, Gen.Int[1, 12], Gen.Int[1, 6]).Sample(test =>
        {
            var (points, rangeTens, stepTens) = test;
            var source = new InMemorySeriesSource();
            source.Add(LabelSet.From(("__name__", "c")), points);
            var rangeMs = rangeTens * 10_000L;
            var stepMs = stepTens * 10_000L;
            var end = points[^1].T + stepMs;
            var engine = new PromQlEngine();
            var resets = Steps(engine.RangeAsync(source, $"resets(c[{rangeTens * 10}s])", 0, end, stepMs, CancellationToken.None).Result);
            var increase = Steps(engine.RangeAsync(source, $"increase(c[{rangeTens * 10}s])", 0, end, stepMs, CancellationToken.None).Result);
            for (var t = 0L; t <= end; t += stepMs)
            {
                var window = points.Where(p => p.T > t - rangeMs && p.T <= t).ToArray();
                var drops = window.Skip(1).Select((p, i) => p.V < window[i].V ? 1 : 0).Sum();
                if (window.Length == 0)
                {
                    Assert.False(resets.ContainsKey(t));
                    continue;
                }

                Assert.Equal(drops, resets[t]);
                if (window.Length >= 2)
                {
                    var change = window[^1].V - window[0].V + window.Skip(1).Select((p, i) => p.V < window[i].V ? window[i].V : 0).Sum();
                    Assert.True(increase.ContainsKey(t) && (double.IsNaN(change) ? double.IsNaN(increase[t]) : change == 0 ? increase[t] == 0 : Math.Sign(change) == Math.Sign(increase[t])),
                        $"increase at {t}: {(increase.TryGetValue(t, out var v) ? v : double.NaN)} for a change of {change}");
                }
            }
        });

    private static Dictionary<long, double> Steps(QueryResult result) =>
        Assert.IsType<MatrixValue>(result.Value).Series.SelectMany(s => s.Points).ToDictionary(p => p.T, p => p.V);
}
