using System.Globalization;

namespace AirisEpm.TraceService.SpanMetrics;

/// <summary>
/// The bucket bounds of a duration histogram, in seconds, with their <c>le</c> label texts; from
/// <see cref="SpanMetricsOptions.BucketBoundsMs"/>, sorted and without repeats.
/// </summary>
public sealed class HistogramBounds
{
    public HistogramBounds(IEnumerable<double> boundsMs)
    {
        ArgumentNullException.ThrowIfNull(boundsMs);
        Seconds = boundsMs.Order().Distinct().Select(ms => ms / 1_000).ToArray();
        Labels = Seconds.Select(s => s.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    public IReadOnlyList<double> Seconds { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The bucket a duration falls in (a bound is inclusive, as Prometheus's <c>le</c>); the last is +Inf.</summary>
    public int BucketOf(double seconds)
    {
        var at = ((double[])Seconds).AsSpan().BinarySearch(seconds);
        return at >= 0 ? at : ~at;
    }
}

/// <summary>One cumulative histogram series: how many, their sum in seconds, and the count per bucket (not yet cumulative).</summary>
public sealed class HistogramSeries(HistogramBounds bounds)
{
    private readonly long[] _buckets = new long[bounds.Seconds.Count + 1];

    public long Count { get; private set; }

    public double SumSeconds { get; private set; }

    public void Observe(double seconds)
    {
        Count++;
        SumSeconds += seconds;
        _buckets[bounds.BucketOf(seconds)]++;
    }

    /// <summary>Appends <c>{name}_bucket</c> (cumulative, one per bound and <c>+Inf</c>), <c>{name}_sum</c> and <c>{name}_count</c>.</summary>
    public void AppendTo(List<SpanMetricPoint> points, string name, IReadOnlyDictionary<string, string> labels, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(points);
        long cumulative = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            cumulative += _buckets[i];
            var le = i < bounds.Labels.Count ? bounds.Labels[i] : "+Inf";
            points.Add(new SpanMetricPoint(name + "_bucket", new Dictionary<string, string>(labels) { ["le"] = le }, cumulative, timestampMs));
        }

        points.Add(new SpanMetricPoint(name + "_sum", labels, SumSeconds, timestampMs));
        points.Add(new SpanMetricPoint(name + "_count", labels, Count, timestampMs));
    }
}
