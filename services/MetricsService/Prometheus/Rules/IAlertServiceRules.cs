namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>alert-service's rules with their states; the seam the functional tests replace.</summary>
public interface IAlertServiceRules
{
    Task<IReadOnlyList<(AlertServiceRule Rule, AlertServiceRuleState? State)>> ListAsync(CancellationToken cancellationToken);
}
