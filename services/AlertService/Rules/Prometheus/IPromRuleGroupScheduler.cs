using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>Starts, stops and inspects rule group evaluation (group actors in production, a double in functional tests).</summary>
public interface IPromRuleGroupScheduler
{
    /// <summary>Idempotent: a group already evaluated at its current interval is left alone.</summary>
    Task StartAsync(GroupRef group, CancellationToken cancellationToken);

    Task StopAsync(GroupRef group, CancellationToken cancellationToken);

    Task<PromGroupState> GetStateAsync(GroupRef group, CancellationToken cancellationToken);

    Task<PromGroupState> EvaluateNowAsync(GroupRef group, CancellationToken cancellationToken);
}
