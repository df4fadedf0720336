using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>
/// A route of the built tree with every inherited value resolved. <see cref="Id"/> follows
/// Alertmanager's route id (<c>{}/{severity="critical"}/0</c>: matchers of each ancestor and
/// the child index), which is stable as long as the config is.
/// </summary>
public sealed class ResolvedRoute
{
    private readonly List<ResolvedRoute> _children = [];

    internal ResolvedRoute(string id, RouteConfig config, string receiver, GroupBy groupBy, TimeSpan groupWait, TimeSpan groupInterval, TimeSpan repeatInterval, string? escalationPolicy)
    {
        Id = id;
        Receiver = receiver;
        Matchers = config.Matchers;
        GroupBy = groupBy;
        GroupWait = groupWait;
        GroupInterval = groupInterval;
        RepeatInterval = repeatInterval;
        Continue = config.Continue;
        MuteTimeIntervals = config.MuteTimeIntervals;
        ActiveTimeIntervals = config.ActiveTimeIntervals;
        EscalationPolicy = escalationPolicy;
    }

    public string Id { get; }

    public string Receiver { get; }

    public IReadOnlyList<Matcher> Matchers { get; }

    public GroupBy GroupBy { get; }

    public TimeSpan GroupWait { get; }

    public TimeSpan GroupInterval { get; }

    public TimeSpan RepeatInterval { get; }

    public bool Continue { get; }

    public IReadOnlyList<string> MuteTimeIntervals { get; }

    public IReadOnlyList<string> ActiveTimeIntervals { get; }

    public string? EscalationPolicy { get; }

    public IReadOnlyList<ResolvedRoute> Routes => _children;

    internal void Add(ResolvedRoute child) => _children.Add(child);

    /// <summary>
    /// Alertmanager's matching: when this route matches, children are tried in order; a matching
    /// child without <c>continue</c> stops the search; if no child matched, this route is the match.
    /// </summary>
    public void Match(LabelSet labels, List<ResolvedRoute> result)
    {
        if (!Matchers.MatchesAll(labels)) return;
        var before = result.Count;
        foreach (var child in _children)
        {
            var count = result.Count;
            child.Match(labels, result);
            if (result.Count > count && !child.Continue) break;
        }
        if (result.Count == before) result.Add(this);
    }
}
