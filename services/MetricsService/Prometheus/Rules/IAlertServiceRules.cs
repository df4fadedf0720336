namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>alert-service's rules: the seam the functional tests replace.</summary>
public interface IAlertServiceRules
{
    Task<AlertServiceRuleSet> ListAsync(CancellationToken cancellationToken);
}
