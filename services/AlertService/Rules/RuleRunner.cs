using System.Diagnostics.Metrics;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules.Prometheus;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// One evaluation of a rule: query the leaves, combine, step the state machine, submit the
/// resulting alerts. Counted in <c>airis.alerts.rule_evaluations{outcome=ok|no_data|failed}</c>.
/// If submitting throws, the caller must not persist the new state, so the next evaluation redoes it.
/// </summary>
public sealed partial class RuleRunner
{
    private readonly LeafQuerier _leaves;
    private readonly IAlertIntake _intake;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleRunner> _logger;
    private readonly Counter<long> _evaluations;
    private readonly PromGroupRunner? _prometheus;

    /// <param name="prometheus">Evaluates rules whose condition is a PromQL expression; without it they fail.</param>
    public RuleRunner(LeafQuerier leaves, IAlertIntake intake, TimeProvider time, ILogger<RuleRunner> logger, IMeterFactory meters, PromGroupRunner? prometheus = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _prometheus = prometheus;
        _leaves = leaves;
        _intake = intake;
        _time = time;
        _logger = logger;
        _evaluations = meters.Create("AirisEpm.Alerts").CreateCounter<long>(
            "airis.alerts.rule_evaluations", description: "Rule evaluations by outcome (ok, no_data, failed)");
    }

    public async Task<RuleStep> RunAsync(RuleDefinition rule, RuleState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var now = _time.GetUtcNow();
        var step = rule.Condition is PromExprCondition expr
            ? await RunExprAsync(rule, expr, state, now, cancellationToken)
            : RuleEvaluator.Step(rule, state, ConditionEvaluator.Evaluate(rule.Condition, await _leaves.QueryAsync(rule.Condition, now, cancellationToken)), now);
        if (step.Alerts.Count > 0) await _intake.SubmitAsync(step.Alerts, cancellationToken);
        var outcome = step.State.Health switch
        {
            RuleHealth.Failed => "failed",
            RuleHealth.NoData => "no_data",
            _ => "ok",
        };
        _evaluations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (step.State.Health == RuleHealth.Failed) LogFailed(_logger, rule.Id, step.State.ConsecutiveFailures, step.State.LastError);
        if (step.State.Phase != state.Phase) LogTransition(_logger, rule.Id, state.Phase, step.State.Phase);
        return step;
    }

    /// <summary>The rule is gone: a PromQL rule's <c>ALERTS</c> series end with a stale marker, as a removed group's do.</summary>
    public Task MarkGoneAsync(RuleState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Prometheus is { } evaluated && _prometheus is not null ? _prometheus.MarkGoneAsync(evaluated, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// A PromQL rule runs as a one-rule Prometheus group (its alerts go into the intake from there); its
    /// <see cref="RuleState"/> summarises the group's: firing if any alert fires, pending if any is pending, the health
    /// of the evaluation, and the value of its first active alert. Failures raise RuleEvaluationFailed as other rules do.
    /// </summary>
    private async Task<RuleStep> RunExprAsync(RuleDefinition rule, PromExprCondition expr, RuleState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var group = new PromRuleGroup(rule.Name, rule.EvaluationInterval, 0, null, new Dictionary<string, string>(), [expr.Rule]);
        var evaluated = _prometheus is null
            ? PromGroupState.Initial with { Rules = [new PromRuleStatus(rule.Name, true, new PromRuleHealth(PromRuleHealth.Err, "PromQL rules are not evaluated here", now, 0), [])] }
            : await _prometheus.RunAsync(group, state.Prometheus ?? PromGroupState.Initial, cancellationToken);
        var status = evaluated.Rules[0];
        var active = status.Alerts.Where(a => a.State != PromAlertState.Inactive).ToList();
        var failed = status.Health.Health == PromRuleHealth.Err;
        var next = state with
        {
            Prometheus = evaluated,
            LastEvaluatedAt = now,
            Phase = active.Any(a => a.State == PromAlertState.Firing) ? RulePhase.Firing : active.Count > 0 ? RulePhase.Pending : RulePhase.Inactive,
            Health = failed ? RuleHealth.Failed : RuleHealth.Ok,
            LastError = status.Health.LastError,
            ConsecutiveFailures = failed ? state.ConsecutiveFailures + 1 : 0,
            LastValue = active.Count > 0 ? active[0].Value : state.LastValue,
            ActiveSince = active.Count > 0 ? active.Min(a => a.ActiveAt) : null,
            FiringSince = active.Where(a => a.FiredAt is not null).Select(a => a.FiredAt).Min(),
        };
        if (failed) next = next with { Phase = state.Phase, ActiveSince = state.ActiveSince, FiringSince = state.FiringSince };
        return new RuleStep(next, [.. EvaluationFailureAlert.For(rule, state, next, now)]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {RuleId} evaluation failed ({Failures} in a row): {Error}")]
    private static partial void LogFailed(ILogger logger, string ruleId, int failures, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {RuleId} went from {From} to {To}")]
    private static partial void LogTransition(ILogger logger, string ruleId, RulePhase from, RulePhase to);
}
