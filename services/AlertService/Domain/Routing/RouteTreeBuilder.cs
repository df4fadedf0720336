using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>Resolves inheritance, splices named routes (detecting cycles) and collects validation errors.</summary>
internal sealed class RouteTreeBuilder(ISet<string> receivers, ISet<string> timeIntervals, IReadOnlyDictionary<string, RouteConfig> namedRoutes)
{
    private readonly List<ConfigError> _errors = [];
    private readonly Dictionary<string, ResolvedRoute> _byId = new(StringComparer.Ordinal);

    public RouteTree Build(RouteConfig rootConfig)
    {
        const string path = "route";
        if (rootConfig.Ref is not null) _errors.Add(new(path, "the root route cannot be a ref"));
        if (rootConfig.Receiver is null) _errors.Add(new($"{path}.receiver", "the root route must name a receiver"));
        if (rootConfig.Matchers.Count > 0) _errors.Add(new($"{path}.matchers", "the root route must not have matchers"));
        if (rootConfig.Continue) _errors.Add(new($"{path}.continue", "the root route cannot continue"));
        if (rootConfig.MuteTimeIntervals.Count > 0 || rootConfig.ActiveTimeIntervals.Count > 0)
        {
            _errors.Add(new(path, "the root route must not have mute or active time intervals"));
        }
        var defaults = new Inherited(rootConfig.Receiver ?? "", GroupBy.None, RouteDefaults.GroupWait, RouteDefaults.GroupInterval, RouteDefaults.RepeatInterval, null);
        var root = BuildNode(rootConfig, path, parentId: null, index: 0, defaults, new Stack<string>());
        if (_errors.Count > 0) throw new ConfigException(_errors);
        return new RouteTree(root, _byId);
    }

    private ResolvedRoute BuildNode(RouteConfig config, string path, string? parentId, int index, Inherited parent, Stack<string> refs)
    {
        if (config.Ref is { } name) config = Resolve(name, config, path, refs);
        var id = parentId is null ? config.Matchers.Format() : $"{parentId}/{config.Matchers.Format()}/{index}";
        var inherited = Validate(config, path, parent);
        var route = new ResolvedRoute(id, config, inherited.Receiver, inherited.GroupBy, inherited.GroupWait, inherited.GroupInterval, inherited.RepeatInterval, inherited.EscalationPolicy);
        _byId.TryAdd(id, route);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            route.Add(BuildNode(config.Routes[i], $"{path}.routes[{i}]", id, i, inherited, refs));
        }
        if (config is { Ref: not null }) refs.Pop();
        return route;
    }

    private RouteConfig Resolve(string name, RouteConfig reference, string path, Stack<string> refs)
    {
        if (refs.Contains(name))
        {
            _errors.Add(new($"{path}.ref", "route cycle: " + string.Join(" -> ", refs.Reverse().Append(name))));
            return reference with { Ref = null, Routes = [] };
        }
        if (!namedRoutes.TryGetValue(name, out var target))
        {
            _errors.Add(new($"{path}.ref", $"unknown named route \"{name}\""));
            return reference with { Ref = null };
        }
        refs.Push(name);
        // The named route's body, keeping the referring node's own matchers and continue flag when it set them.
        return target with
        {
            Ref = name,
            Matchers = reference.Matchers.Count > 0 ? reference.Matchers : target.Matchers,
            Continue = reference.Continue || target.Continue,
        };
    }

    private Inherited Validate(RouteConfig c, string path, Inherited parent)
    {
        if (c.Receiver is { } r && !receivers.Contains(r)) _errors.Add(new($"{path}.receiver", $"undefined receiver \"{r}\" used in route"));
        CheckPositive(c.GroupWait, $"{path}.group_wait", allowZero: true);
        CheckPositive(c.GroupInterval, $"{path}.group_interval", allowZero: false);
        CheckPositive(c.RepeatInterval, $"{path}.repeat_interval", allowZero: false);
        if (c.GroupBy is { } names)
        {
            if (names.Contains("...") && names.Count > 1) _errors.Add(new($"{path}.group_by", "cannot have wildcard '...' together with other labels"));
            foreach (var n in names.Where(n => n != "..." && !LabelNames.IsLegacyLabelName(n))) _errors.Add(new($"{path}.group_by", $"invalid label name \"{n}\""));
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) _errors.Add(new($"{path}.group_by", "duplicate label name"));
        }
        foreach (var t in c.MuteTimeIntervals.Concat(c.ActiveTimeIntervals).Where(t => !timeIntervals.Contains(t)))
        {
            _errors.Add(new($"{path}.time_intervals", $"undefined time interval \"{t}\" used in route"));
        }
        return new Inherited(
            c.Receiver ?? parent.Receiver,
            c.GroupBy is null ? parent.GroupBy : GroupBy.Of(c.GroupBy),
            c.GroupWait ?? parent.GroupWait,
            c.GroupInterval ?? parent.GroupInterval,
            c.RepeatInterval ?? parent.RepeatInterval,
            c.EscalationPolicy ?? parent.EscalationPolicy);
    }

    private void CheckPositive(TimeSpan? value, string path, bool allowZero)
    {
        if (value is { } v && (v < TimeSpan.Zero || (!allowZero && v == TimeSpan.Zero)))
        {
            _errors.Add(new(path, allowZero ? "must not be negative" : "must be greater than zero"));
        }
    }

    private sealed record Inherited(string Receiver, GroupBy GroupBy, TimeSpan GroupWait, TimeSpan GroupInterval, TimeSpan RepeatInterval, string? EscalationPolicy);
}
