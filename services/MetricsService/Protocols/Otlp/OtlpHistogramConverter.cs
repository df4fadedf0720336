using AirisEpm.PromQl.Model;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols.Otlp.Delta;
using AirisEpm.Protocols.Otlp.Proto;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>Explicit-bucket histograms (delta ones accumulated) and summaries as the classic Prometheus series families.</summary>
internal sealed class OtlpHistogramConverter(
    OtlpMetricConverter owner,
    Metric metric,
    OtlpResource resource,
    OtlpConversion result)
{
    public void Convert()
    {
        var histogram = metric.Histogram;
        var delta = histogram.AggregationTemporality == AggregationTemporality.Delta;
        var name = OtlpMetricNames.Build(metric.Name, metric.Unit, isMonotonicCounter: false, isGauge: false);
        foreach (var point in histogram.DataPoints)
        {
            if (OtlpMetricConverter.IsStale(point.Flags))
            {
                if (owner.TryLabels(name, point.TimeUnixNano, resource, point.Attributes, result, out var labels, out _))
                {
                    owner.Deltas.Forget<ExplicitHistogramCounts>(labels.SeriesId(name));
                    AddStale(name, point);
                }

                continue;
            }

            if (point.BucketCounts.Count != 0 && point.BucketCounts.Count != point.ExplicitBounds.Count + 1)
            {
                result.Reject($"{name}: bucket_counts must have one more entry than explicit_bounds");
                continue;
            }

            var counts = new ExplicitHistogramCounts([.. point.ExplicitBounds], [.. point.BucketCounts], point.Count, point.Sum, point.HasSum);
            if (delta && Accumulate(name, point, counts) is { } total)
            {
                Add(name, point, total);
            }
            else if (!delta)
            {
                Add(name, point, counts);
            }
        }
    }

    public void ConvertSummary()
    {
        var name = OtlpMetricNames.Build(metric.Name, metric.Unit, isMonotonicCounter: false, isGauge: false);
        foreach (var point in metric.Summary.DataPoints)
        {
            var stale = OtlpMetricConverter.IsStale(point.Flags);
            foreach (var quantile in point.QuantileValues)
            {
                Sample(name, point, stale ? StaleMarker.Value : quantile.Value, MetricType.Summary,
                    new Label("quantile", PromFloat.Format(quantile.Quantile)));
            }

            Sample(name + "_sum", point, stale ? StaleMarker.Value : point.Sum, MetricType.Summary);
            Sample(name + "_count", point, stale ? StaleMarker.Value : point.Count, MetricType.Summary);
        }
    }

    /// <summary>The point added to its series' running total; null (and rejected) when it cannot be.</summary>
    private ExplicitHistogramCounts? Accumulate(string name, HistogramDataPoint point, ExplicitHistogramCounts counts)
    {
        if (!owner.TryLabels(name, point.TimeUnixNano, resource, point.Attributes, result, out var labels, out _))
        {
            return null;
        }

        var total = owner.Deltas.Add(labels.SeriesId(name), point.StartTimeUnixNano, point.TimeUnixNano, counts);
        if (total.Problem is { } problem)
        {
            result.Reject($"{name}: {problem}");
        }

        return total.Total;
    }

    private void Add(string name, HistogramDataPoint point, ExplicitHistogramCounts counts)
    {
        ulong cumulative = 0;
        for (var i = 0; i < counts.Bounds.Length && i < counts.Counts.Length; i++)
        {
            cumulative += counts.Counts[i];
            Sample(name + "_bucket", point, cumulative, MetricType.Histogram, new Label("le", PromFloat.Format(counts.Bounds[i])));
        }

        // The +Inf bucket always equals the total count, also when the point carries no buckets at all.
        Sample(name + "_bucket", point, counts.Count, MetricType.Histogram, new Label("le", "+Inf"));
        if (counts.HasSum)
        {
            Sample(name + "_sum", point, counts.Sum, MetricType.Histogram);
        }

        Sample(name + "_count", point, counts.Count, MetricType.Histogram);
    }

    /// <summary>A stale marker on every series of the point: the buckets it names, +Inf, <c>_sum</c> and <c>_count</c>.</summary>
    private void AddStale(string name, HistogramDataPoint point)
    {
        foreach (var bound in point.ExplicitBounds)
        {
            Sample(name + "_bucket", point, StaleMarker.Value, MetricType.Histogram, new Label("le", PromFloat.Format(bound)));
        }

        Sample(name + "_bucket", point, StaleMarker.Value, MetricType.Histogram, new Label("le", "+Inf"));
        Sample(name + "_sum", point, StaleMarker.Value, MetricType.Histogram);
        Sample(name + "_count", point, StaleMarker.Value, MetricType.Histogram);
    }

    private void Sample(string name, HistogramDataPoint point, double value, MetricType type, params ReadOnlySpan<Label> extra) =>
        owner.AddSample(name, point.TimeUnixNano, resource, point.Attributes, value, type, result, extra);

    private void Sample(string name, SummaryDataPoint point, double value, MetricType type, params ReadOnlySpan<Label> extra) =>
        owner.AddSample(name, point.TimeUnixNano, resource, point.Attributes, value, type, result, extra);
}
