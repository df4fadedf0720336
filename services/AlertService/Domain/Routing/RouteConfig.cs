using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>
/// A route as declared (YAML or API). Null fields inherit from the parent when the tree is
/// built; <see cref="Ref"/> names a route in the config's <c>named_routes</c> to splice in
/// (our extension to Alertmanager, which is where a cycle can arise and is rejected).
/// </summary>
public sealed record RouteConfig
{
    public string? Receiver { get; init; }

    public IReadOnlyList<Matcher> Matchers { get; init; } = [];

    public IReadOnlyList<string>? GroupBy { get; init; }

    public TimeSpan? GroupWait { get; init; }

    public TimeSpan? GroupInterval { get; init; }

    public TimeSpan? RepeatInterval { get; init; }

    public bool Continue { get; init; }

    public IReadOnlyList<string> MuteTimeIntervals { get; init; } = [];

    public IReadOnlyList<string> ActiveTimeIntervals { get; init; } = [];

    /// <summary>Escalation policy name; inherited by child routes that name none.</summary>
    public string? EscalationPolicy { get; init; }

    public string? Ref { get; init; }

    public IReadOnlyList<RouteConfig> Routes { get; init; } = [];
}
