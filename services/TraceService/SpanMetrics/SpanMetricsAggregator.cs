using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.SpanMetrics;

/// <summary>
/// Request rate, errors and duration per (service, span name, kind, status), as the OpenTelemetry Collector's
/// spanmetrics connector names them in Prometheus: <c>traces_span_metrics_calls_total</c> and the histogram
/// <c>traces_span_metrics_duration_seconds</c> (<c>_bucket</c> with <c>le</c>, <c>_sum</c>, <c>_count</c>), labelled
/// <c>service_name</c>, <c>span_name</c>, <c>span_kind</c> (<c>SPAN_KIND_SERVER</c>, …) and <c>status_code</c>
/// (<c>STATUS_CODE_ERROR</c>, …). Series are cumulative since this process started, as Prometheus counters are,
/// and carry an <c>instance</c> label, so replicas write distinct series and a restart reads as a counter reset.
/// It counts each batch once the store holds it (<see cref="ISpanBatchObserver"/>), so a refused request is not counted.
/// </summary>
public sealed class SpanMetricsAggregator : ISpanBatchObserver
{
    public const string CallsName = "traces_span_metrics_calls_total";
    public const string DurationName = "traces_span_metrics_duration_seconds";
    public const string OverflowSpanName = "__overflow__";

    private readonly object _gate = new();
    private readonly Dictionary<SpanMetricKey, HistogramSeries> _series = [];
    private readonly HistogramBounds _bounds;
    private readonly int _maxSeries;

    public SpanMetricsAggregator(IOptions<SpanMetricsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bounds = new HistogramBounds(options.Value.BucketBoundsMs);
        _maxSeries = options.Value.MaxSeries;
    }

    public int SeriesCount
    {
        get
        {
            lock (_gate) return _series.Count;
        }
    }

    public void OnDurable(IReadOnlyList<Span> batch) => Record(batch);

    public void Record(IReadOnlyList<Span> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        lock (_gate)
        {
            foreach (var span in spans)
            {
                var key = new SpanMetricKey(span.Service, span.Name, span.Kind, span.Status);
                if (!_series.TryGetValue(key, out var series))
                {
                    if (_series.Count >= _maxSeries) key = key with { SpanName = OverflowSpanName };
                    if (!_series.TryGetValue(key, out series))
                    {
                        series = new HistogramSeries(_bounds);
                        _series.Add(key, series);
                    }
                }

                series.Observe(span.DurationNs / 1e9);
            }
        }
    }

    /// <summary>Every series' cumulative values at <paramref name="timestampMs"/>.</summary>
    public IReadOnlyList<SpanMetricPoint> Snapshot(long timestampMs, string instance)
    {
        var points = new List<SpanMetricPoint>();
        lock (_gate)
        {
            foreach (var (key, series) in _series)
            {
                var labels = key.Labels(instance);
                points.Add(new SpanMetricPoint(CallsName, labels, series.Count, timestampMs));
                series.AppendTo(points, DurationName, labels, timestampMs);
            }
        }

        return points;
    }
}

/// <summary>The identity of one span-metrics series.</summary>
public readonly record struct SpanMetricKey(string Service, string SpanName, SpanKind Kind, SpanStatus Status)
{
    public Dictionary<string, string> Labels(string instance) => new(StringComparer.Ordinal)
    {
        ["service_name"] = Service,
        ["span_name"] = SpanName,
        ["span_kind"] = Kind switch
        {
            SpanKind.Internal => "SPAN_KIND_INTERNAL",
            SpanKind.Server => "SPAN_KIND_SERVER",
            SpanKind.Client => "SPAN_KIND_CLIENT",
            SpanKind.Producer => "SPAN_KIND_PRODUCER",
            SpanKind.Consumer => "SPAN_KIND_CONSUMER",
            _ => "SPAN_KIND_UNSPECIFIED",
        },
        ["status_code"] = Status switch
        {
            SpanStatus.Ok => "STATUS_CODE_OK",
            SpanStatus.Error => "STATUS_CODE_ERROR",
            _ => "STATUS_CODE_UNSET",
        },
        ["instance"] = instance,
    };
}
