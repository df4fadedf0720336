using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>Structural checks of a rule (the API adds its own request-shape validation); each error names a field path.</summary>
public static class RuleValidator
{
    public static IReadOnlyList<(string Field, string Reason)> Validate(RuleDefinition rule)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(rule.Name)) errors.Add(("name", "required"));
        if (rule.EvaluationInterval <= TimeSpan.Zero) errors.Add(("evaluationInterval", "must be greater than zero"));
        if (rule.For < TimeSpan.Zero) errors.Add(("for", "must not be negative"));
        if (rule.KeepFiringFor < TimeSpan.Zero) errors.Add(("keepFiringFor", "must not be negative"));
        foreach (var name in (rule.Labels ?? LabelSet.Empty).Names.Where(n => !LabelNames.IsLegacyLabelName(n))) errors.Add(($"labels.{name}", "invalid label name"));
        ValidateNode(rule.Condition, "condition", errors);
        var duplicate = rule.Condition.Leaves().GroupBy(l => l.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) errors.Add(("condition", $"duplicate leaf id \"{duplicate.Key}\""));
        return errors;
    }

    private static void ValidateNode(ConditionNode node, string path, List<(string, string)> errors)
    {
        switch (node)
        {
            case AllCondition { Children.Count: 0 }:
            case AnyCondition { Children.Count: 0 }:
                errors.Add((path, "all/any needs at least one condition"));
                break;
            case AllCondition all:
                for (var i = 0; i < all.Children.Count; i++) ValidateNode(all.Children[i], $"{path}.all[{i}]", errors);
                break;
            case AnyCondition any:
                for (var i = 0; i < any.Children.Count; i++) ValidateNode(any.Children[i], $"{path}.any[{i}]", errors);
                break;
            case NotCondition not:
                ValidateNode(not.Child, $"{path}.not", errors);
                break;
            case LeafCondition leaf:
                ValidateLeaf(leaf, path, errors);
                break;
        }
    }

    private static void ValidateLeaf(LeafCondition leaf, string path, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(leaf.Id)) errors.Add(($"{path}.id", "required"));
        var (window, threshold) = leaf switch
        {
            MetricCondition m => (m.Window, m.Threshold),
            LogCondition l => (l.Window, l.Threshold),
            TraceCondition t => (t.Window, t.Threshold),
            AbsentCondition a => (a.Window, 0d),
            _ => (TimeSpan.Zero, 0d),
        };
        if (window <= TimeSpan.Zero) errors.Add(($"{path}.window", "must be greater than zero"));
        if (!double.IsFinite(threshold)) errors.Add(($"{path}.threshold", "must be a finite number"));
        switch (leaf)
        {
            case MetricCondition m when string.IsNullOrWhiteSpace(m.Metric):
            case AbsentCondition a when string.IsNullOrWhiteSpace(a.Metric):
                errors.Add(($"{path}.metric", "required"));
                break;
            case LogCondition { Query: var q } when string.IsNullOrWhiteSpace(q):
                errors.Add(($"{path}.query", "required"));
                break;
            case TraceCondition t when t.IsEdge == (t.Service is not null) || (t.IsEdge && (string.IsNullOrEmpty(t.From) || string.IsNullOrEmpty(t.To))):
                errors.Add(($"{path}.service", "give either service, or both from and to of an edge"));
                break;
        }
    }
}
