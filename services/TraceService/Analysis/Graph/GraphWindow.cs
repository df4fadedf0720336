using AirisEpm.TraceService.Analysis.Dependencies;

namespace AirisEpm.TraceService.Analysis.Graph;

/// <summary>
/// The dependency graph over [FromNs, ToNs). A node's figures are the calls it received (all its
/// incoming edges merged); <see cref="NodeSummary.OutgoingCalls"/> counts what it sent, so a service
/// that only calls (an entry point) is still a node.
/// </summary>
public sealed record GraphWindow(long FromNs, long ToNs, IReadOnlyList<EdgeSummary> Edges, IReadOnlyList<NodeSummary> Nodes);

public sealed record EdgeSummary(EdgeKey Key, TargetKind ToKind, WindowMetrics Metrics);

public sealed record NodeSummary(string Name, TargetKind Kind, WindowMetrics Metrics, long OutgoingCalls);
