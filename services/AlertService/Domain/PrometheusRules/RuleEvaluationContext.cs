namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>
/// What one evaluation of a group's rule needs beyond the rule: the evaluation time (the query time, query offset
/// applied), the group's limit and labels, the external labels and URL templates see, and the <c>query</c> function.
/// </summary>
public sealed record RuleEvaluationContext(
    DateTimeOffset Timestamp,
    int Limit,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyDictionary<string, string> ExternalLabels,
    string ExternalUrl,
    ITemplateQuerier? Querier = null);
