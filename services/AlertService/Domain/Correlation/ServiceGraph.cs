using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>
/// Service dependency graph: an edge caller → callee means the caller depends on the callee.
/// Until trace-service provides the graph, it is derived from alert labels: an alert with
/// <c>service="checkout"</c> and <c>upstream="payments,db"</c> says checkout calls payments
/// and db (Envoy's sense of "upstream": the service a request goes to).
/// </summary>
public sealed class ServiceGraph
{
    private readonly Dictionary<string, HashSet<string>> _callees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _callers = new(StringComparer.Ordinal);

    public static ServiceGraph FromEdges(IEnumerable<(string Caller, string Callee)> edges)
    {
        var graph = new ServiceGraph();
        foreach (var (caller, callee) in edges) graph.Add(caller, callee);
        return graph;
    }

    public static ServiceGraph FromAlertLabels(IEnumerable<LabelSet> labels) => new ServiceGraph().AddFromLabels(labels);

    /// <summary>Adds the <c>service</c> → <c>upstream</c> edges (comma-separated upstreams) found in labels.</summary>
    public ServiceGraph AddFromLabels(IEnumerable<LabelSet> labels)
    {
        foreach (var set in labels)
        {
            var service = set.Get("service");
            if (service.Length == 0) continue;
            foreach (var upstream in set.Get("upstream").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(service, upstream);
            }
        }
        return this;
    }

    public void Add(string caller, string callee)
    {
        if (caller == callee) return;
        Get(_callees, caller).Add(callee);
        Get(_callers, callee).Add(caller);
    }

    public IReadOnlySet<string> CalleesOf(string service) => _callees.TryGetValue(service, out var s) ? s : Empty;

    public IReadOnlySet<string> CallersOf(string service) => _callers.TryGetValue(service, out var s) ? s : Empty;

    /// <summary>Services linked to <paramref name="service"/> by one edge in either direction.</summary>
    public IEnumerable<string> NeighboursOf(string service) => CalleesOf(service).Concat(CallersOf(service));

    private static readonly HashSet<string> Empty = [];

    private static HashSet<string> Get(Dictionary<string, HashSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }
}
