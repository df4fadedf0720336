using AirisEpm.MetricsService.Domain;
using StaleMarker = AirisEpm.PromQl.Model.StaleMarker;
using AirisEpm.Protocols.Otlp.Proto;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>Explicit-bucket histograms and summaries as the classic Prometheus series families.</summary>
internal sealed class OtlpHistogramConverter(
    OtlpMetricConverter owner,
    Metric metric,
    OtlpResource resource,
    OtlpConversion result)
{
    private const uint NoRecordedValue = (uint)DataPointFlags.NoRecordedValueMask;

    public void Convert()
    {
        var histogram = metric.Histogram;
        var name = OtlpMetricNames.Build(metric.Name, metric.Unit, isMonotonicCounter: false, isGauge: false);
        foreach (var point in histogram.DataPoints)
        {
            if ((point.Flags & NoRecordedValue) != 0)
            {
                AddStaleHistogram(name, point);
                continue;
            }

            if (histogram.AggregationTemporality == AggregationTemporality.Delta)
            {
                result.Reject($"{name}: delta histograms are not supported; export cumulative temporality");
                continue;
            }

            if (point.BucketCounts.Count != 0 && point.BucketCounts.Count != point.ExplicitBounds.Count + 1)
            {
                result.Reject($"{name}: bucket_counts must have one more entry than explicit_bounds");
                continue;
            }

            AddHistogramPoint(name, point);
        }
    }

    public void ConvertSummary()
    {
        var name = OtlpMetricNames.Build(metric.Name, metric.Unit, isMonotonicCounter: false, isGauge: false);
        foreach (var point in metric.Summary.DataPoints)
        {
            var stale = (point.Flags & NoRecordedValue) != 0;
            foreach (var quantile in point.QuantileValues)
            {
                Add(name, point.TimeUnixNano, point.Attributes, stale ? StaleMarker.Value : quantile.Value, MetricType.Summary,
                    new Label("quantile", PrometheusFloat.Format(quantile.Quantile)));
            }

            Add(name + "_sum", point.TimeUnixNano, point.Attributes, stale ? StaleMarker.Value : point.Sum, MetricType.Summary);
            Add(name + "_count", point.TimeUnixNano, point.Attributes, stale ? StaleMarker.Value : point.Count, MetricType.Summary);
        }
    }

    private void AddHistogramPoint(string name, HistogramDataPoint point)
    {
        ulong cumulative = 0;
        for (var i = 0; i < point.ExplicitBounds.Count && i < point.BucketCounts.Count; i++)
        {
            cumulative += point.BucketCounts[i];
            Add(name + "_bucket", point.TimeUnixNano, point.Attributes, cumulative, MetricType.Histogram,
                new Label("le", PrometheusFloat.Format(point.ExplicitBounds[i])));
        }

        // The +Inf bucket always equals the total count, also when the point carries no buckets at all.
        Add(name + "_bucket", point.TimeUnixNano, point.Attributes, point.Count, MetricType.Histogram, new Label("le", "+Inf"));
        if (point.HasSum)
        {
            Add(name + "_sum", point.TimeUnixNano, point.Attributes, point.Sum, MetricType.Histogram);
        }

        Add(name + "_count", point.TimeUnixNano, point.Attributes, point.Count, MetricType.Histogram);
    }

    /// <summary>A stale marker on every series of the point: the buckets it names, +Inf, <c>_sum</c> and <c>_count</c>.</summary>
    private void AddStaleHistogram(string name, HistogramDataPoint point)
    {
        foreach (var bound in point.ExplicitBounds)
        {
            Add(name + "_bucket", point.TimeUnixNano, point.Attributes, StaleMarker.Value, MetricType.Histogram,
                new Label("le", PrometheusFloat.Format(bound)));
        }

        Add(name + "_bucket", point.TimeUnixNano, point.Attributes, StaleMarker.Value, MetricType.Histogram, new Label("le", "+Inf"));
        Add(name + "_sum", point.TimeUnixNano, point.Attributes, StaleMarker.Value, MetricType.Histogram);
        Add(name + "_count", point.TimeUnixNano, point.Attributes, StaleMarker.Value, MetricType.Histogram);
    }

    private void Add(
        string name,
        ulong timeUnixNano,
        Google.Protobuf.Collections.RepeatedField<KeyValue> attributes,
        double value,
        MetricType type,
        params ReadOnlySpan<Label> extra)
    {
        if (owner.TryLabels(name, timeUnixNano, resource, attributes, result, out var labels, out var timestamp, extra))
        {
            result.Samples.Add(new MetricSample(name, labels, timestamp, value, type));
        }
    }
}
