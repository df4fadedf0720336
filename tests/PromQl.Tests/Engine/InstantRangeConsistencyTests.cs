using AirisEpm.PromQl.Engine;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>
/// A range query is the instant query at each of its steps (Prometheus's own model): for random expressions over
/// random data, both answer the same, and nothing but a <see cref="PromQlException"/> ever comes out.
/// </summary>
public sealed class InstantRangeConsistencyTests
{
    private static readonly PromQlEngine Engine = new(new EngineOptions { DefaultSubqueryStep = TimeSpan.FromSeconds(30) });

    [Fact]
    public void Every_step_of_a_range_query_equals_the_instant_query_at_that_time()
    {
        var compared = 0;
        var failed = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            switch (Check(seed))
            {
                case true:
                    Interlocked.Increment(ref compared);
                    break;
                case false:
                    Interlocked.Increment(ref failed);
                    break;
            }
        }, iter: 400);

        // The generator must mostly produce queries that answer something, or the property says little.
        Assert.True(compared > 200, $"only {compared} of 400 queries answered anything ({failed} failed with a PromQL error)");
    }

    /// <summary>True when samples were compared, false when the query failed with a PromQL error, null when it answered nothing.</summary>
    private static bool? Check(int seed)
    {
        var generator = new RandomQueryGenerator(seed);
        var source = generator.Data();
        var expr = generator.Vector(3);
        const long start = 600_000, end = 1_500_000, step = 90_000;
        QueryResult range;
        try
        {
            range = Engine.RangeAsync(source, expr, start, end, step, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (PromQlException)
        {
            return false;
        }

        var bySeries = Assert.IsType<MatrixValue>(range.Value).Series
            .ToDictionary(s => s.Metric.ToString(), s => s.Points.ToDictionary(p => p.T, p => p.V));
        for (var t = start; t <= end; t += step)
        {
            var instant = Engine.InstantAsync(source, expr, t, CancellationToken.None).GetAwaiter().GetResult();
            var samples = Assert.IsType<VectorValue>(instant.Value).Samples;
            var expected = bySeries.Where(s => s.Value.ContainsKey(t)).ToDictionary(s => s.Key, s => s.Value[t]);
            var same = expected.Count == samples.Count && samples.All(s => expected.TryGetValue(s.Metric.ToString(), out var v) && EngineAssert.Close(v, s.V));
            Assert.True(same || (ChoosesAmongTies(expr) && SameValues(expected.Values, samples.Select(s => s.V))),
                $"seed {seed}, {expr} at {t}: range gave [{string.Join(", ", expected.Select(e => $"{e.Key} {e.Value}"))}], "
                + $"instant gave [{string.Join(", ", samples.Select(s => $"{s.Metric} {s.V}"))}]");
        }

        return bySeries.Count > 0 ? true : null;
    }

    /// <summary>
    /// topk and bottomk keep the earlier series of equal values, and a range query orders series over its whole range
    /// where an instant query orders those present at its one time: among ties
    /// the two may keep different series, so only the values must agree.
    /// </summary>
    private static bool ChoosesAmongTies(object expr) =>
        expr.ToString()!.Contains("topk", StringComparison.Ordinal) || expr.ToString()!.Contains("bottomk", StringComparison.Ordinal);

    private static bool SameValues(IEnumerable<double> range, IEnumerable<double> instant)
    {
        var (a, b) = (range.Order().ToList(), instant.Order().ToList());
        return a.Count == b.Count && a.Zip(b).All(p => EngineAssert.Close(p.First, p.Second));
    }
}
