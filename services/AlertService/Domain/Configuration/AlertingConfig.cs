using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.TimeIntervals;

namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>The whole validated routing configuration: what the dispatcher and the API serve.</summary>
public sealed record AlertingConfig(
    RouteTree Routes,
    IReadOnlyDictionary<string, Receiver> Receivers,
    IReadOnlyList<InhibitRule> InhibitRules,
    TimeIntervalSet TimeIntervals,
    TimeSpan ResolveTimeout)
{
    /// <summary>What loaded but is not done (unsupported integrations, unread template files).</summary>
    public IReadOnlyList<ConfigNotice> Notices { get; init; } = [];

    /// <summary>
    /// Builds and validates a config from its parts. Every problem is collected and thrown
    /// together as a <see cref="ConfigException"/> (unknown receiver, duplicate receiver, unknown
    /// time interval, bad durations or group_by, route cycles through named routes).
    /// </summary>
    public static AlertingConfig Create(
        RouteConfig route,
        IReadOnlyList<Receiver> receivers,
        IReadOnlyList<InhibitRule>? inhibitRules = null,
        IReadOnlyDictionary<string, IReadOnlyList<TimeInterval>>? timeIntervals = null,
        IReadOnlyDictionary<string, RouteConfig>? namedRoutes = null,
        TimeSpan? resolveTimeout = null)
    {
        var errors = new List<ConfigError>();
        var byName = new Dictionary<string, Receiver>(StringComparer.Ordinal);
        for (var i = 0; i < receivers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(receivers[i].Name)) errors.Add(new($"receivers[{i}].name", "missing name"));
            else if (!byName.TryAdd(receivers[i].Name, receivers[i])) errors.Add(new($"receivers[{i}].name", $"duplicate receiver \"{receivers[i].Name}\""));
        }
        if (resolveTimeout is { } rt && rt <= TimeSpan.Zero) errors.Add(new("global.resolve_timeout", "must be greater than zero"));
        var intervals = new TimeIntervalSet(timeIntervals ?? new Dictionary<string, IReadOnlyList<TimeInterval>>());
        RouteTree? tree = null;
        try
        {
            tree = RouteTree.Build(route, byName.Keys.ToHashSet(StringComparer.Ordinal), intervals.Intervals.Keys.ToHashSet(StringComparer.Ordinal), namedRoutes);
        }
        catch (ConfigException ex)
        {
            errors.AddRange(ex.Errors);
        }
        if (errors.Count > 0 || tree is null) throw new ConfigException(errors);
        return new AlertingConfig(tree, byName, inhibitRules ?? [], intervals, resolveTimeout ?? TimeSpan.FromMinutes(5));
    }
}
