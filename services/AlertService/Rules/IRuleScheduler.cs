using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>Starts, stops and inspects rule evaluation (rule actors in production, a double in functional tests).</summary>
public interface IRuleScheduler
{
    /// <summary>Idempotent: starting a rule that already runs on its current interval changes nothing.</summary>
    Task StartAsync(string ruleId, CancellationToken cancellationToken);

    Task StopAsync(string ruleId, CancellationToken cancellationToken);

    Task<RuleState> GetStateAsync(string ruleId, CancellationToken cancellationToken);

    Task<RuleState> EvaluateNowAsync(string ruleId, CancellationToken cancellationToken);
}
