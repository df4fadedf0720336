namespace AirisEpm.TraceService.Analysis.Graph;

/// <summary>
/// Two windows of the dependency graph side by side (say, the last hour against the same hour
/// yesterday, or after a deploy against before it): every edge and node of either window with its
/// <see cref="MetricsChange"/>, and the edges that appeared or vanished. Rates are per second of each
/// window, so windows of different lengths compare fairly.
/// </summary>
public sealed record GraphComparison(
    IReadOnlyList<(EdgeKey Edge, MetricsChange Change)> Edges,
    IReadOnlyList<(string Node, MetricsChange Change)> Nodes)
{
    public IEnumerable<EdgeKey> NewEdges => Edges.Where(e => e.Change.Kind == ChangeKind.New).Select(e => e.Edge);

    public IEnumerable<EdgeKey> VanishedEdges => Edges.Where(e => e.Change.Kind == ChangeKind.Vanished).Select(e => e.Edge);

    public MetricsChange? For(EdgeKey edge) => Edges.FirstOrDefault(e => e.Edge == edge).Change;

    public MetricsChange? For(string node) => Nodes.FirstOrDefault(n => n.Node == node).Change;

    public static GraphComparison Compare(GraphWindow before, GraphWindow after)
    {
        var edgesBefore = before.Edges.ToDictionary(e => e.Key, e => e.Metrics);
        var edgesAfter = after.Edges.ToDictionary(e => e.Key, e => e.Metrics);
        var edges = edgesBefore.Keys.Union(edgesAfter.Keys)
            .OrderBy(k => k.From, StringComparer.Ordinal).ThenBy(k => k.To, StringComparer.Ordinal)
            .Select(k => (k, MetricsChange.Between(edgesBefore.GetValueOrDefault(k), edgesAfter.GetValueOrDefault(k))))
            .ToList();

        var nodesBefore = before.Nodes.ToDictionary(n => n.Name, n => n.Metrics, StringComparer.Ordinal);
        var nodesAfter = after.Nodes.ToDictionary(n => n.Name, n => n.Metrics, StringComparer.Ordinal);
        var nodes = nodesBefore.Keys.Union(nodesAfter.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(n => (n, MetricsChange.Between(nodesBefore.GetValueOrDefault(n), nodesAfter.GetValueOrDefault(n))))
            .ToList();
        return new GraphComparison(edges, nodes);
    }
}
