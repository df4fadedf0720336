namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>One sample of an instant query as a template sees it (<c>.Labels</c>, <c>.Value</c>).</summary>
public sealed record TemplateSample(IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// Runs the <c>query</c> template function: an instant query at the evaluation time. Synchronous because Go
/// template functions are; the rule actor answers it from metrics-service.
/// </summary>
public interface ITemplateQuerier
{
    IReadOnlyList<TemplateSample> Query(string expression);
}
