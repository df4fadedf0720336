using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.GoTemplates;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.AlertService.Rules;

/// <summary>The result of mapping: a definition when the document is valid, otherwise the errors by field.</summary>
public sealed record RuleMapping(RuleDefinition? Rule, IReadOnlyList<(string Field, string Reason)> Errors);

/// <summary>
/// Turns a stored/sent <see cref="RuleDocument"/> into a <see cref="RuleDefinition"/>: parses
/// durations, operators, matchers (regexes compiled here) and annotation templates, then runs the
/// domain's <see cref="RuleValidator"/>. A field that failed to parse is not reported twice.
/// </summary>
public static class RuleDocumentMapper
{
    /// <summary>Default evaluation interval: Prometheus's default <c>evaluation_interval</c>.</summary>
    public static readonly TimeSpan DefaultEvaluationInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// 1 s: each evaluation is a reminder and a query per metric leaf; below a second a single rule
    /// would load the sidecar and metrics-service more than any alert is worth.
    /// </summary>
    public static readonly TimeSpan MinEvaluationInterval = TimeSpan.FromSeconds(1);

    public static RuleMapping Map(string id, RuleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new RuleErrors();
        var severity = RuleSyntax.Enum(document.Severity, Severity.Warning, "severity", "critical, warning, info", errors);
        if (string.IsNullOrEmpty(document.Severity)) errors.Add("severity", "required");
        var isExpr = document.Expr is not null;
        if (isExpr && document.Condition is not null) errors.Add("expr", "give either condition or expr, not both");
        var rule = new RuleDefinition(
            id,
            document.Name ?? "",
            severity,
            isExpr ? ExprCondition(document, severity, errors) : ConditionMapper.Map(document.Condition, "condition", errors),
            RuleSyntax.Duration(document.EvaluationInterval, DefaultEvaluationInterval, "evaluationInterval", errors),
            RuleSyntax.Duration(document.For, TimeSpan.Zero, "for", errors),
            RuleSyntax.Duration(document.KeepFiringFor, TimeSpan.Zero, "keepFiringFor", errors),
            LabelSet.From((document.Labels ?? new Dictionary<string, string>()).Select(kv => KeyValuePair.Create(kv.Key, kv.Value ?? ""))),
            isExpr ? new Dictionary<string, PromTemplate>() : Annotations(document.Name ?? "", document.Annotations, errors),
            RuleSyntax.Enum(document.NoData, NoDataPolicy.KeepLastState, "noData", "keep_last_state, inactive", errors));
        if (rule.EvaluationInterval > TimeSpan.Zero && rule.EvaluationInterval < MinEvaluationInterval)
        {
            errors.Add("evaluationInterval", $"must be at least {MinEvaluationInterval.TotalSeconds:0} s");
        }

        foreach (var (field, reason) in RuleValidator.Validate(rule).Where(e => !errors.Has(e.Field)))
        {
            errors.Add(field, reason);
        }

        return new RuleMapping(errors.Any ? null : rule, errors.All.ToList());
    }

    /// <summary>The expression parsed by PromQL's parser, labels (with the severity) and annotations by Go's template parser, as promtool checks them.</summary>
    private static PromExprCondition ExprCondition(RuleDocument document, Severity severity, RuleErrors errors)
    {
        var name = document.Name ?? "";
        try
        {
            PromQlParser.ParseExpr(document.Expr!);
        }
        catch (ParseException ex)
        {
            errors.Add("expr", ex.Message);
        }

        var labels = (document.Labels ?? new Dictionary<string, string>()).ToDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal);
        labels["severity"] = severity.ToString().ToLowerInvariant();
        var annotations = (document.Annotations ?? new Dictionary<string, string>()).ToDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal);
        foreach (var (field, templates) in new[] { ("labels", labels), ("annotations", annotations) })
        {
            foreach (var (key, text) in templates)
            {
                if (PromTemplate.ParseError(name, text) is { } error) errors.Add($"{field}.{key}", error);
            }
        }

        return new PromExprCondition(new PromAlertingRule(name, document.Expr!,
            RuleSyntax.Duration(document.For, TimeSpan.Zero, "for", new RuleErrors()),
            RuleSyntax.Duration(document.KeepFiringFor, TimeSpan.Zero, "keepFiringFor", new RuleErrors()),
            labels, annotations));
    }

    /// <summary>Annotations are Prometheus templates, parsed as promtool parses them (Go's message when one does not).</summary>
    private static Dictionary<string, PromTemplate> Annotations(string ruleName, IReadOnlyDictionary<string, string>? sources, RuleErrors errors)
    {
        var templates = new Dictionary<string, PromTemplate>(StringComparer.Ordinal);
        foreach (var (name, source) in sources ?? new Dictionary<string, string>())
        {
            try
            {
                templates[name] = PromTemplate.Parse(ruleName, source ?? "");
            }
            catch (GoTemplateException ex)
            {
                errors.Add($"annotations.{name}", ex.Message);
            }
        }

        return templates;
    }
}
