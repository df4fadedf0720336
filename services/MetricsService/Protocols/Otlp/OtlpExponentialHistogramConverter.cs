using AirisEpm.PromQl.Model;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols.Otlp.Delta;
using AirisEpm.Protocols.Otlp.Proto;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>
/// Exponential histograms (delta ones accumulated) as classic <c>_bucket{le}</c>, <c>_sum</c> and <c>_count</c> series at
/// the histogram's own bucket boundaries, which keeps histogram_quantile within the histogram's relative error
/// (<see cref="ExponentialHistogramCounts.ClassicBuckets"/>). The <c>le</c> values follow the producer's scale: when an SDK
/// rescales (it halves its resolution as the range of values grows), the bucket series change, and a
/// <c>rate(..._bucket[5m])</c> spanning the change mixes both sets for that window.
/// </summary>
internal sealed class OtlpExponentialHistogramConverter(
    OtlpMetricConverter owner,
    Metric metric,
    OtlpResource resource,
    OtlpConversion result)
{
    public void Convert()
    {
        var histogram = metric.ExponentialHistogram;
        var delta = histogram.AggregationTemporality == AggregationTemporality.Delta;
        var name = OtlpMetricNames.Build(metric.Name, metric.Unit, isMonotonicCounter: false, isGauge: false);
        foreach (var point in histogram.DataPoints)
        {
            if (Problem(point) is { } problem)
            {
                result.Reject($"{name}: {problem}");
                continue;
            }

            var counts = From(point);
            if (OtlpMetricConverter.IsStale(point.Flags) || delta)
            {
                if (!owner.TryLabels(name, point.TimeUnixNano, resource, point.Attributes, result, out var labels, out _))
                {
                    continue;
                }

                if (OtlpMetricConverter.IsStale(point.Flags))
                {
                    owner.Deltas.Forget<ExponentialHistogramCounts>(labels.SeriesId(name));
                    Add(name, point, counts, stale: true);
                    continue;
                }

                var total = owner.Deltas.Add(labels.SeriesId(name), point.StartTimeUnixNano, point.TimeUnixNano, counts);
                if (total.Problem is { } rejected)
                {
                    result.Reject($"{name}: {rejected}");
                    continue;
                }

                counts = total.Total!;
            }

            Add(name, point, counts, stale: false);
        }
    }

    private string? Problem(ExponentialHistogramDataPoint point)
    {
        if (point.Scale is < ExponentialHistogramCounts.MinScale or > ExponentialHistogramCounts.MaxScale)
        {
            return $"scale {point.Scale} is outside [{ExponentialHistogramCounts.MinScale}, {ExponentialHistogramCounts.MaxScale}]";
        }

        if (!(point.ZeroThreshold >= 0) || double.IsInfinity(point.ZeroThreshold))
        {
            return "zero_threshold must be a finite number, 0 or more";
        }

        var buckets = (long)(point.Positive?.BucketCounts.Count ?? 0) + (point.Negative?.BucketCounts.Count ?? 0);
        if (buckets > owner.MaxExponentialBuckets)
        {
            return $"{buckets} buckets are more than the limit of {owner.MaxExponentialBuckets} (each becomes a series)";
        }

        if (OffsetOverflows(point.Positive) || OffsetOverflows(point.Negative))
        {
            return "a bucket index (offset + position) leaves the 32-bit range";
        }

        // The +Inf bucket is the count: buckets holding more would make the cumulative series fall.
        var total = (decimal)point.ZeroCount + Sum(point.Positive) + Sum(point.Negative);
        return total > point.Count && !OtlpMetricConverter.IsStale(point.Flags) ? "the bucket counts add up to more than count" : null;
    }

    private static bool OffsetOverflows(ExponentialHistogramDataPoint.Types.Buckets? buckets) =>
        buckets is not null && (long)buckets.Offset + buckets.BucketCounts.Count > int.MaxValue;

    private static decimal Sum(ExponentialHistogramDataPoint.Types.Buckets? buckets) =>
        buckets is null ? 0 : buckets.BucketCounts.Aggregate(0m, (sum, count) => sum + count);

    private static ExponentialHistogramCounts From(ExponentialHistogramDataPoint point) => new(
        point.Scale, point.ZeroThreshold, point.ZeroCount, Side(point.Positive), Side(point.Negative), point.Count, point.Sum, point.HasSum);

    private static ExponentialBuckets Side(ExponentialHistogramDataPoint.Types.Buckets? buckets) =>
        buckets is null ? ExponentialBuckets.Empty : new ExponentialBuckets(buckets.Offset, [.. buckets.BucketCounts]).Trimmed();

    /// <summary>The classic family of the counts; with <paramref name="stale"/>, a stale marker on each of those series instead.</summary>
    private void Add(string name, ExponentialHistogramDataPoint point, ExponentialHistogramCounts counts, bool stale)
    {
        foreach (var (bound, cumulative) in counts.ClassicBuckets())
        {
            Sample(name + "_bucket", point, stale ? StaleMarker.Value : cumulative, new Label("le", PromFloat.Format(bound)));
        }

        Sample(name + "_bucket", point, stale ? StaleMarker.Value : counts.Count, new Label("le", "+Inf"));
        if (counts.HasSum || stale)
        {
            Sample(name + "_sum", point, stale ? StaleMarker.Value : counts.Sum);
        }

        Sample(name + "_count", point, stale ? StaleMarker.Value : counts.Count);
    }

    private void Sample(string name, ExponentialHistogramDataPoint point, double value, params ReadOnlySpan<Label> extra) =>
        owner.AddSample(name, point.TimeUnixNano, resource, point.Attributes, value, MetricType.Histogram, result, extra);
}
