using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>Instant PromQL queries at a given time; every failure is an answer with its error, never an exception.</summary>
public interface IPromQueryClient
{
    Task<PromQueryAnswer> QueryAsync(string expression, DateTimeOffset time, CancellationToken cancellationToken);
}
