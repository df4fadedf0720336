using AirisEpm.TraceService.Analysis.Dependencies;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.SpanMetrics;

/// <summary>
/// Request rate, errors and duration per caller → callee edge, named as Grafana Tempo's service-graph processor names
/// them in Prometheus: <c>traces_service_graph_request_total</c>, <c>traces_service_graph_request_failed_total</c> and
/// the histogram <c>traces_service_graph_request_server_seconds</c>, labelled <c>client</c>, <c>server</c>,
/// <c>connection_type</c> (empty between services, <c>database</c>, <c>messaging_system</c>, or <c>virtual_node</c>
/// for an end known only by name: the entry caller, a peer's address) and <c>instance</c>. Span metrics carry no peer, so an edge read from them
/// shows every caller's calls to the callee; these come from the calls the dependency graph pairs
/// (<see cref="Analysis.Dependencies.DependencyExtractor"/>: a client or producer span joined to its child's service,
/// or to the peer its attributes name when no child comes), so each edge has its own. The duration is the callee's
/// span for a paired call and the caller's client span for a peer without spans (<see cref="ServiceCall"/>).
/// Cumulative since start, as <see cref="SpanMetricsAggregator"/>'s. At most <see cref="SpanMetricsOptions.MaxEdgeSeries"/>
/// edges; calls on new edges beyond it count under <c>server="__overflow__"</c> for their client and connection type.
/// </summary>
public sealed class ServiceGraphMetrics
{
    public const string RequestsName = "traces_service_graph_request_total";
    public const string FailedName = "traces_service_graph_request_failed_total";
    public const string ServerSecondsName = "traces_service_graph_request_server_seconds";
    public const string OverflowServer = "__overflow__";

    private readonly Lock _gate = new();
    private readonly Dictionary<EdgeSeriesKey, Edge> _edges = [];
    private readonly HistogramBounds _bounds;
    private readonly int _maxEdges;

    public ServiceGraphMetrics(IOptions<SpanMetricsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bounds = new HistogramBounds(options.Value.BucketBoundsMs);
        _maxEdges = options.Value.MaxEdgeSeries;
    }

    public int EdgeCount
    {
        get
        {
            lock (_gate) return _edges.Count;
        }
    }

    public void Record(IReadOnlyList<ServiceCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        lock (_gate)
        {
            foreach (var call in calls)
            {
                var key = new EdgeSeriesKey(call.From, call.To, ConnectionType(call));
                if (!_edges.TryGetValue(key, out var edge))
                {
                    if (_edges.Count >= _maxEdges) key = key with { Server = OverflowServer };
                    if (!_edges.TryGetValue(key, out edge)) _edges.Add(key, edge = new Edge(new HistogramSeries(_bounds)));
                }

                edge.Duration.Observe(call.DurationNs / 1e9);
                if (call.IsError) edge.Failed++;
            }
        }
    }

    /// <summary>Every edge's cumulative values at <paramref name="timestampMs"/>.</summary>
    public IReadOnlyList<SpanMetricPoint> Snapshot(long timestampMs, string instance)
    {
        var points = new List<SpanMetricPoint>();
        lock (_gate)
        {
            foreach (var (key, edge) in _edges)
            {
                var labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["client"] = key.Client, ["server"] = key.Server, ["connection_type"] = key.ConnectionType, ["instance"] = instance,
                };
                points.Add(new SpanMetricPoint(RequestsName, labels, edge.Duration.Count, timestampMs));
                points.Add(new SpanMetricPoint(FailedName, labels, edge.Failed, timestampMs));
                edge.Duration.AppendTo(points, ServerSecondsName, labels, timestampMs);
            }
        }

        return points;
    }

    /// <summary>Tempo's <c>connection_type</c>: the callee's kind, or <c>virtual_node</c> when either end is known only by name (the entry caller, an address).</summary>
    public static string ConnectionType(ServiceCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.ToKind switch
        {
            TargetKind.Database => "database",
            TargetKind.Queue => "messaging_system",
            TargetKind.External => "virtual_node",
            _ => call.FromKind == TargetKind.External ? "virtual_node" : "",
        };
    }

    private sealed class Edge(HistogramSeries duration)
    {
        public HistogramSeries Duration { get; } = duration;

        public long Failed { get; set; }
    }

    private readonly record struct EdgeSeriesKey(string Client, string Server, string ConnectionType);
}
