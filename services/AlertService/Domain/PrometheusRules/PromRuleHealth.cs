namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>A rule's last evaluation as Prometheus reports it: health <c>unknown</c>, <c>ok</c> or <c>err</c>, the error, when and how long.</summary>
public sealed record PromRuleHealth(string Health, string? LastError, DateTimeOffset? LastEvaluation, double EvaluationSeconds)
{
    public const string Unknown = "unknown";
    public const string Ok = "ok";
    public const string Err = "err";

    public static PromRuleHealth Initial { get; } = new(Unknown, null, null, 0);
}

/// <summary>The state an alerting rule keeps between evaluations: its alerts (pending, firing, and resolved ones still being sent) and health.</summary>
public sealed record AlertingRuleState(IReadOnlyList<PromAlert> Alerts, PromRuleHealth Health)
{
    public static AlertingRuleState Initial { get; } = new([], PromRuleHealth.Initial);
}
