using AirisEpm.MetricsService.Domain;
using StaleMarker = AirisEpm.PromQl.Model.StaleMarker;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.MetricsService.Protocols.Otlp.Delta;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>
/// Turns an OTLP ExportMetricsServiceRequest into Prometheus-style samples:
/// gauge → gauge; monotonic sum → counter named <c>_total</c>, other sums → gauge; explicit-bucket histogram →
/// cumulative <c>_bucket{le}</c> (ending in <c>+Inf</c>), <c>_sum</c>, <c>_count</c>; exponential histogram → the same
/// family at its own bucket boundaries (<see cref="Delta.ExponentialHistogramCounts.ClassicBuckets"/>); summary →
/// <c>{quantile}</c> series, <c>_sum</c>, <c>_count</c>. Delta sums and histograms are accumulated into cumulative series
/// (<see cref="DeltaAccumulator"/>). Resource attributes map as <see cref="OtlpResource"/> says, with one
/// <c>target_info</c> series per resource.
/// A point flagged "no recorded value" (the OpenTelemetry staleness signal) becomes a Prometheus stale marker on each
/// series it would have written, as Prometheus's own OTLP receiver does, and ends its delta total.
/// Rejected (reported through partial_success, the rest is kept): points with no timestamp, no value, buckets that do
/// not add up, or breaking a series rule; delta points out of order.
/// </summary>
internal sealed class OtlpMetricConverter(IOptions<ProtocolOptions> options, IOptions<OtlpOptions> otlp, DeltaAccumulator deltas)
{
    private const uint NoRecordedValue = (uint)DataPointFlags.NoRecordedValueMask;
    private readonly ProtocolOptions _options = options.Value;
    private readonly HashSet<string> _promote = new(otlp.Value.PromoteResourceAttributes, StringComparer.Ordinal);

    public DeltaAccumulator Deltas => deltas;

    public int MaxExponentialBuckets { get; } = otlp.Value.MaxExponentialBuckets;

    public OtlpConversion Convert(ExportMetricsServiceRequest request)
    {
        var result = new OtlpConversion();
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpResource.From(resourceMetrics.Resource?.Attributes, _promote);
            var first = result.Samples.Count;
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                ConvertMetric(metric, resource, result);
            }

            AddTargetInfo(resource, first, result);
        }

        return result;
    }

    public static bool IsStale(uint flags) => (flags & NoRecordedValue) != 0;

    /// <summary>Builds and checks the labels and the timestamp of one data point; rejects it when they break a rule.</summary>
    internal bool TryLabels(
        string name,
        ulong timeUnixNano,
        OtlpResource resource,
        IEnumerable<KeyValue> attributes,
        OtlpConversion result,
        out LabelSet labels,
        out long timestampMs,
        params ReadOnlySpan<Label> extra)
    {
        labels = LabelSet.Empty;
        timestampMs = (long)(timeUnixNano / 1_000_000);
        if (timeUnixNano == 0)
        {
            result.Reject($"{name}: a data point has no time_unix_nano");
            return false;
        }

        labels = OtlpAttributes.Merge(resource, attributes, extra);
        if (SeriesRules.Check(name, labels.Labels, _options) is { } problem)
        {
            result.Reject(problem);
            return false;
        }

        return true;
    }

    /// <summary>One sample of a data point, when its labels and time pass <see cref="TryLabels"/>.</summary>
    internal void AddSample(
        string name,
        ulong timeUnixNano,
        OtlpResource resource,
        IEnumerable<KeyValue> attributes,
        double value,
        MetricType type,
        OtlpConversion result,
        params ReadOnlySpan<Label> extra)
    {
        if (TryLabels(name, timeUnixNano, resource, attributes, result, out var labels, out var timestamp, extra))
        {
            result.Samples.Add(new MetricSample(name, labels, timestamp, value, type));
        }
    }

    /// <summary>
    /// The resource's <c>target_info</c> gauge (value 1), stamped with the latest time of the samples the resource brought, as
    /// Prometheus's receiver does; none when the resource has only identifying attributes or brought no sample.
    /// </summary>
    private void AddTargetInfo(OtlpResource resource, int first, OtlpConversion result)
    {
        if (resource.TargetInfo is not { } attributes || result.Samples.Count == first)
        {
            return;
        }

        var latest = long.MinValue;
        for (var i = first; i < result.Samples.Count; i++)
        {
            latest = Math.Max(latest, result.Samples[i].TimestampMs);
        }

        var labels = OtlpAttributes.NonEmpty(attributes);
        if (SeriesRules.Check(OtlpResource.TargetInfoName, labels.Labels, _options) is { } problem)
        {
            result.Reject(problem);
            return;
        }

        result.Samples.Add(new MetricSample(OtlpResource.TargetInfoName, labels, latest, 1, MetricType.Gauge));
    }

    private void ConvertMetric(Metric metric, OtlpResource resource, OtlpConversion result)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                var gaugeName = OtlpMetricNames.Build(metric.Name, metric.Unit, isMonotonicCounter: false, isGauge: true);
                foreach (var point in metric.Gauge.DataPoints)
                {
                    AddNumber(gaugeName, MetricType.Gauge, point, accumulate: false, resource, result);
                }

                break;
            case Metric.DataOneofCase.Sum:
                var temporality = metric.Sum.AggregationTemporality;
                var delta = temporality == AggregationTemporality.Delta;
                var counter = metric.Sum.IsMonotonic && (delta || temporality == AggregationTemporality.Cumulative);
                var sumName = OtlpMetricNames.Build(metric.Name, metric.Unit, counter, isGauge: !counter);
                foreach (var point in metric.Sum.DataPoints)
                {
                    AddNumber(sumName, counter ? MetricType.Counter : MetricType.Gauge, point, delta, resource, result);
                }

                break;
            case Metric.DataOneofCase.Histogram:
                new OtlpHistogramConverter(this, metric, resource, result).Convert();
                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                new OtlpExponentialHistogramConverter(this, metric, resource, result).Convert();
                break;
            case Metric.DataOneofCase.Summary:
                new OtlpHistogramConverter(this, metric, resource, result).ConvertSummary();
                break;
            default:
                result.Reject($"{metric.Name}: the metric has no data");
                break;
        }
    }

    private void AddNumber(string name, MetricType type, NumberDataPoint point, bool accumulate, OtlpResource resource, OtlpConversion result)
    {
        var stale = IsStale(point.Flags);
        double value;
        switch (point.ValueCase)
        {
            case NumberDataPoint.ValueOneofCase.AsDouble:
                value = point.AsDouble;
                break;
            case NumberDataPoint.ValueOneofCase.AsInt:
                value = point.AsInt;
                break;
            case NumberDataPoint.ValueOneofCase.None when stale:
                // A point with no recorded value need not carry one.
                value = StaleMarker.Value;
                break;
            default:
                result.Reject($"{name}: a data point has neither asDouble nor asInt");
                return;
        }

        if (!TryLabels(name, point.TimeUnixNano, resource, point.Attributes, result, out var labels, out var timestamp))
        {
            return;
        }

        if (stale)
        {
            value = StaleMarker.Value;
            deltas.Forget<CumulativeSum>(labels.SeriesId(name));
        }
        else if (accumulate)
        {
            var total = deltas.Add(labels.SeriesId(name), point.StartTimeUnixNano, point.TimeUnixNano, new CumulativeSum(value));
            if (total.Problem is { } problem)
            {
                result.Reject($"{name}: {problem}");
                return;
            }

            value = total.Total!.Value;
        }

        result.Samples.Add(new MetricSample(name, labels, timestamp, value, type));
    }
}
