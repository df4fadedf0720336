namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>Alerting phase of a rule (Prometheus's inactive → pending → firing).</summary>
public enum RulePhase
{
    Inactive,
    Pending,
    Firing,
}

/// <summary>
/// How the last evaluation went. <see cref="Failed"/> is the evaluation-failure state: it is
/// tracked beside the phase and never changes it, so a target that is down cannot resolve a
/// firing alert.
/// </summary>
public enum RuleHealth
{
    Unknown,
    Ok,
    NoData,
    Failed,
}

/// <summary>A rule's persisted evaluation state (what a rule actor stores between reminders).</summary>
public sealed record RuleState
{
    public static RuleState Initial { get; } = new();

    public RulePhase Phase { get; init; } = RulePhase.Inactive;

    public RuleHealth Health { get; init; } = RuleHealth.Unknown;

    /// <summary>When the condition started holding (pending since); the alert's startsAt.</summary>
    public DateTimeOffset? ActiveSince { get; init; }

    public DateTimeOffset? FiringSince { get; init; }

    /// <summary>First evaluation where a firing rule's condition no longer held (keep_firing_for clock).</summary>
    public DateTimeOffset? KeepFiringSince { get; init; }

    public double? LastValue { get; init; }

    public DateTimeOffset? LastEvaluatedAt { get; init; }

    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>For a rule with a PromQL expression (<see cref="PromExprCondition"/>): its alerts and health, as a one-rule group.</summary>
    public PrometheusRules.PromGroupState? Prometheus { get; init; }
}
