using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>Starts, stops and inspects rule evaluation (rule actors in production, a double in functional tests).</summary>
public interface IRuleScheduler
{
    Task StartAsync(string ruleId, CancellationToken cancellationToken);

    Task StopAsync(string ruleId, CancellationToken cancellationToken);

    Task<RuleState> GetStateAsync(string ruleId, CancellationToken cancellationToken);

    Task<RuleState> EvaluateNowAsync(string ruleId, CancellationToken cancellationToken);
}
