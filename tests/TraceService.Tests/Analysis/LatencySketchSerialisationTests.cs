using AirisEpm.TraceService.Analysis.Sketches;

namespace AirisEpm.TraceService.Tests.Analysis;

public sealed class LatencySketchSerialisationTests
{
    private static readonly double[] Quantiles = [0, 0.5, 0.9, 0.95, 0.99, 1];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 5_000)]
    [InlineData(3, 100_000)]
    public void A_sketch_read_back_answers_every_quantile_and_total_as_the_written_one(int seed, int count)
    {
        var sketch = new LatencySketch();
        foreach (var v in LatencySketchTests.Latencies(seed, count, sigma: 1.5))
            sketch.Add(v);

        var copy = LatencySketch.FromBytes(sketch.ToBytes());

        Assert.Equal((sketch.Count, sketch.SumNs, sketch.MinNs, sketch.MaxNs, sketch.BucketCount), (copy.Count, copy.SumNs, copy.MinNs, copy.MaxNs, copy.BucketCount));
        Assert.Equal(Quantiles.Select(sketch.Quantile), Quantiles.Select(copy.Quantile));
    }

    [Fact]
    public void A_read_back_sketch_keeps_merging_and_adding_exactly()
    {
        var (a, b) = (new LatencySketch(), new LatencySketch());
        foreach (var v in LatencySketchTests.Latencies(7, 2_000))
            a.Add(v);
        foreach (var v in LatencySketchTests.Latencies(8, 2_000, medianMs: 300))
            b.Add(v);
        var expected = a.Clone();
        expected.Merge(b);
        expected.Add(1);

        var restored = LatencySketch.FromBytes(a.ToBytes());
        restored.Merge(LatencySketch.FromBytes(b.ToBytes()));
        restored.Add(1);

        Assert.Equal(expected.ToBytes(), restored.ToBytes());
    }

    [Fact]
    public void The_form_is_compact_about_two_bytes_per_occupied_bucket()
    {
        var sketch = new LatencySketch();
        foreach (var v in LatencySketchTests.Latencies(1, 1_000))
            sketch.Add(v);

        var bytes = sketch.ToBytes();

        Assert.InRange(bytes.Length, sketch.BucketCount, 30 + 3 * sketch.BucketCount);
        TestContext.Current.TestOutputHelper?.WriteLine($"{sketch.BucketCount} buckets of 1,000 calls in {bytes.Length} bytes");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 5, 0, 0, 0, 1, 3, 4 })]
    [InlineData(new byte[] { 1, 1, 0, 0, 0, 1, 3, 1, 9 })]
    [InlineData(new byte[] { 1, 2, 0, 0, 0, 2, 3, 1, 0, 1 })]
    [InlineData(new byte[] { 1, 0x80 })]
    public void Anything_else_is_a_format_error(byte[] bytes) =>
        Assert.Throws<FormatException>(() => LatencySketch.FromBytes(bytes));
}
