using AirisEpm.ServiceDefaults.Text;
using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;

namespace AirisEpm.TraceService.Apis.Dependencies;

/// <summary>The dependency graph over [start, end): nodes (what each received) and edges; latencies in milliseconds.</summary>
public sealed record GraphView(string Start, string End, IReadOnlyList<NodeView> Nodes, IReadOnlyList<EdgeView> Edges)
{
    public static GraphView Of(GraphWindow w) => new(
        UnixTime.FormatRfc3339(w.FromNs), UnixTime.FormatRfc3339(w.ToNs),
        w.Nodes.Select(n => new NodeView(n.Name, KindName(n.Kind), MeasuresView.Of(n.Metrics), n.OutgoingCalls)).ToList(),
        w.Edges.Select(e => new EdgeView(e.Key.From, e.Key.To, KindName(e.ToKind), MeasuresView.Of(e.Metrics))).ToList());

    public static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.Database => "database",
        TargetKind.Queue => "queue",
        TargetKind.External => "external",
        _ => "service",
    };
}

/// <summary>A node: kind service, database, queue or external; its measures are the calls it received.</summary>
public sealed record NodeView(string Name, string Kind, MeasuresView Measures, long OutgoingCalls);

public sealed record EdgeView(string From, string To, string ToKind, MeasuresView Measures);

/// <summary>Calls, rate, errors and percentiles of a window; rates and percentiles null when there were no calls.</summary>
public sealed record MeasuresView(
    long Calls, double CallsPerSecond, long Errors, double? ErrorRate, double? P50Ms, double? P95Ms, double? P99Ms, string? ExemplarTraceId)
{
    public static MeasuresView Of(WindowMetrics m) => m.Calls == 0
        ? new(0, 0, 0, null, null, null, null, null)
        : new(m.Calls, m.CallsPerSecond, m.Errors, m.ErrorRate, m.P50Ns / 1e6, m.P95Ns / 1e6, m.P99Ns / 1e6, m.ExemplarTraceId);
}

/// <summary>
/// Two windows compared: <see cref="Current"/> (start, end) against <see cref="Baseline"/> (compareStart, compareEnd),
/// the change of every edge and node, and what appeared or vanished.
/// </summary>
public sealed record GraphComparisonView(
    GraphView Current, GraphView Baseline,
    IReadOnlyList<ChangeView> Edges, IReadOnlyList<ChangeView> Nodes,
    IReadOnlyList<EdgeName> NewEdges, IReadOnlyList<EdgeName> VanishedEdges,
    IReadOnlyList<string> NewNodes, IReadOnlyList<string> VanishedNodes)
{
    public static GraphComparisonView Of(GraphWindow current, GraphWindow baseline)
    {
        var c = GraphComparison.Compare(baseline, current);
        return new GraphComparisonView(
            GraphView.Of(current), GraphView.Of(baseline),
            c.Edges.Select(e => ChangeView.Of(e.Edge.From, e.Edge.To, e.Change)).ToList(),
            c.Nodes.Select(n => ChangeView.Of(null, n.Node, n.Change)).ToList(),
            c.NewEdges.Select(e => new EdgeName(e.From, e.To)).ToList(),
            c.VanishedEdges.Select(e => new EdgeName(e.From, e.To)).ToList(),
            c.Nodes.Where(n => n.Change.Kind == ChangeKind.New).Select(n => n.Node).ToList(),
            c.Nodes.Where(n => n.Change.Kind == ChangeKind.Vanished).Select(n => n.Node).ToList());
    }
}

public sealed record EdgeName(string From, string To);

/// <summary>One edge's (From and To) or node's (To alone, as <c>node</c>) change: current − baseline; change is new, vanished or compared.</summary>
public sealed record ChangeView(
    string? From, string? To, string? Node, string Change, double CallsPerSecondChange, double ErrorRateChange, double P95ChangeMs, double? P95Ratio)
{
    public static ChangeView Of(string? from, string name, MetricsChange m) => new(
        from, from is null ? null : name, from is null ? name : null,
        m.Kind switch { ChangeKind.New => "new", ChangeKind.Vanished => "vanished", _ => "compared" },
        m.CallsPerSecondChange, m.ErrorRateChange, m.P95ChangeNs / 1e6, m.P95Ratio);
}
