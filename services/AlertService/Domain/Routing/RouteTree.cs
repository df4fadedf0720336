using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>The built routing tree: resolved routes, lookup by id, and alert matching.</summary>
public sealed class RouteTree
{
    private readonly Dictionary<string, ResolvedRoute> _byId;

    internal RouteTree(ResolvedRoute root, Dictionary<string, ResolvedRoute> byId)
    {
        Root = root;
        _byId = byId;
    }

    public ResolvedRoute Root { get; }

    public IEnumerable<ResolvedRoute> All => _byId.Values;

    public bool TryGet(string id, out ResolvedRoute route) => _byId.TryGetValue(id, out route!);

    /// <summary>The routes an alert goes to, depth-first in config order (at least the root).</summary>
    public IReadOnlyList<ResolvedRoute> Match(LabelSet labels)
    {
        var result = new List<ResolvedRoute>(1);
        Root.Match(labels, result);
        return result;
    }

    /// <summary>Builds and validates; throws <see cref="ConfigException"/> listing every problem.</summary>
    public static RouteTree Build(
        RouteConfig root,
        ISet<string> receivers,
        ISet<string>? timeIntervals = null,
        IReadOnlyDictionary<string, RouteConfig>? namedRoutes = null)
    {
        var builder = new RouteTreeBuilder(receivers, timeIntervals ?? new HashSet<string>(), namedRoutes ?? new Dictionary<string, RouteConfig>());
        return builder.Build(root);
    }
}
