using AirisEpm.TraceService.Analysis.Sketches;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class LatencySketchTests
{
    /// <summary>Log-normal latencies around a median of 20 ms, the shape real request latencies have.</summary>
    internal static long[] Latencies(int seed, int count, double medianMs = 20, double sigma = 1.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return (long)(medianMs * 1e6 * Math.Exp(sigma * normal));
        }).ToArray();
    }

    private static long Exact(long[] sorted, double q) => sorted[Math.Max(1, (long)Math.Ceiling(q * sorted.Length)) - 1];

    [Fact]
    public void Quantiles_are_within_the_stated_relative_error_of_the_exact_nearest_rank_value()
    {
        var worst = 0.0;
        for (var seed = 0; seed < 20; seed++)
        {
            var values = Latencies(seed, 5_000, sigma: 0.5 + seed * 0.1);
            var sketch = new LatencySketch();
            foreach (var v in values)
                sketch.Add(v);
            Array.Sort(values);

            foreach (var q in new[] { 0, 0.01, 0.5, 0.9, 0.95, 0.99, 0.999, 1 })
            {
                var exact = Exact(values, q);
                var error = Math.Abs(sketch.Quantile(q) - exact) / (double)exact;
                worst = Math.Max(worst, error);
                Assert.True(error <= LatencySketch.RelativeError, $"seed {seed} q {q}: {sketch.Quantile(q)} vs {exact}");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"worst relative error seen: {worst:P3} (bound {LatencySketch.RelativeError:P3})");
        Assert.True(worst > 0, "a sketch this coarse cannot be exact on 100,000 random values");
    }

    [Fact]
    public void Every_value_from_zero_to_long_max_lands_in_a_bucket_whose_midpoint_is_within_the_bound()
    {
        var values = new List<long> { 0, 1, 31, 32, 33, 63, 64, 65, long.MaxValue, long.MaxValue - 1 };
        for (var bit = 5; bit < 63; bit++)
            values.AddRange([(1L << bit) - 1, 1L << bit, (1L << bit) + 1, (1L << bit) + (1L << (bit - 1))]);

        foreach (var v in values)
        {
            var index = LatencySketch.IndexOf(v);
            Assert.InRange(index, 0, 1_887);
            Assert.True(Math.Abs((double)LatencySketch.Midpoint(index) - v) <= v * LatencySketch.RelativeError, $"value {v}");
        }
        Assert.Equal(Enumerable.Range(0, 32), Enumerable.Range(0, 32).Select(v => LatencySketch.IndexOf(v)));
    }

    [Fact]
    public void Merging_gives_the_same_sketch_as_adding_everything_to_one_in_any_order()
    {
        var parts = Enumerable.Range(0, 3).Select(seed => Latencies(seed, 1_000, medianMs: 5 + seed * 40)).ToArray();
        var sketches = parts.Select(p => { var s = new LatencySketch(); foreach (var v in p) s.Add(v); return s; }).ToArray();
        var whole = new LatencySketch();
        foreach (var v in parts.SelectMany(p => p))
            whole.Add(v);

        var left = sketches[0].Clone();
        left.Merge(sketches[1]);
        left.Merge(sketches[2]);
        var right = sketches[2].Clone();
        var middle = sketches[1].Clone();
        middle.Merge(sketches[0]);
        right.Merge(middle);

        foreach (var sketch in new[] { left, right })
        {
            Assert.Equal((whole.Count, whole.SumNs, whole.MinNs, whole.MaxNs, whole.BucketCount),
                (sketch.Count, sketch.SumNs, sketch.MinNs, sketch.MaxNs, sketch.BucketCount));
            foreach (var q in new[] { 0.5, 0.95, 0.99 })
                Assert.Equal(whole.Quantile(q), sketch.Quantile(q));
        }
        Assert.Equal(1_000, sketches[1].Count);
    }

    [Fact]
    public void Small_values_are_exact_an_empty_sketch_answers_zero_and_negative_values_count_as_zero()
    {
        var sketch = new LatencySketch();
        Assert.Equal(0, sketch.Quantile(0.99));

        foreach (var v in new long[] { 3, 7, 7, 20, -5 })
            sketch.Add(v);

        Assert.Equal([0L, 3, 7, 7, 20], new[] { 0.2, 0.4, 0.6, 0.8, 1.0 }.Select(sketch.Quantile));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Quantile(1.5));
    }
}
