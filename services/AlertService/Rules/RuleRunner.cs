using System.Diagnostics.Metrics;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Rules;

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

    public RuleRunner(LeafQuerier leaves, IAlertIntake intake, TimeProvider time, ILogger<RuleRunner> logger, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
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
        var results = await _leaves.QueryAsync(rule.Condition, now, cancellationToken);
        var step = RuleEvaluator.Step(rule, state, ConditionEvaluator.Evaluate(rule.Condition, results), now);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule {RuleId} evaluation failed ({Failures} in a row): {Error}")]
    private static partial void LogFailed(ILogger logger, string ruleId, int failures, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule {RuleId} went from {From} to {To}")]
    private static partial void LogTransition(ILogger logger, string ruleId, RulePhase from, RulePhase to);
}
