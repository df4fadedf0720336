using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>Builds the domain condition tree from a <see cref="ConditionDocument"/>; field paths match <see cref="RuleValidator"/>'s.</summary>
internal static class ConditionMapper
{
    private const string Kinds = "all, any, not, metric, log, trace, absent";

    public static ConditionNode Map(ConditionDocument? node, string path, RuleErrors errors)
    {
        if (node is null)
        {
            errors.Add(path, "required");
            return new AllCondition([]);
        }

        var kinds = new object?[] { node.All, node.Any, node.Not, node.Metric, node.Log, node.Trace, node.Absent }.Count(k => k is not null);
        if (kinds != 1)
        {
            errors.Add(path, $"give exactly one of {Kinds}");
            return new AllCondition([]);
        }

        return node switch
        {
            { All: { } all } => new AllCondition(all.Select((c, i) => Map(c, $"{path}.all[{i}]", errors)).ToList()),
            { Any: { } any } => new AnyCondition(any.Select((c, i) => Map(c, $"{path}.any[{i}]", errors)).ToList()),
            { Not: { } not } => new NotCondition(Map(not, $"{path}.not", errors)),
            { Metric: { } m } => Metric(m, path, errors),
            { Log: { } l } => new LogCondition(l.Id ?? path, l.Query ?? "",
                RuleSyntax.Duration(l.Window, TimeSpan.Zero, $"{path}.window", errors),
                RuleSyntax.Operator(l.Op, $"{path}.op", errors), RuleSyntax.Threshold(l.Threshold, $"{path}.threshold", errors)),
            { Trace: { } t } => Trace(t, path, errors),
            { Absent: { } a } => new AbsentCondition(a.Id ?? path, a.Metric ?? "",
                RuleSyntax.Matchers(a.Matchers, $"{path}.matchers", errors),
                RuleSyntax.Duration(a.Window, TimeSpan.Zero, $"{path}.window", errors)),
            _ => new AllCondition([]),
        };
    }

    private static MetricCondition Metric(MetricLeafDocument m, string path, RuleErrors errors) => new(
        m.Id ?? path,
        m.Metric ?? "",
        RuleSyntax.Matchers(m.Matchers, $"{path}.matchers", errors),
        RuleSyntax.Enum(m.Agg, MetricAggregation.Avg, $"{path}.agg", "avg, min, max, sum, count, last, rate, p50, p90, p95, p99", errors),
        RuleSyntax.Duration(m.Window, TimeSpan.Zero, $"{path}.window", errors),
        RuleSyntax.Operator(m.Op, $"{path}.op", errors),
        RuleSyntax.Threshold(m.Threshold, $"{path}.threshold", errors));

    private static TraceCondition Trace(TraceLeafDocument t, string path, RuleErrors errors)
    {
        if (string.IsNullOrEmpty(t.Signal)) errors.Add($"{path}.signal", "required");
        return new TraceCondition(
            t.Id ?? path,
            RuleSyntax.Enum(t.Signal, TraceSignal.P95LatencyMs, $"{path}.signal", "p95_latency_ms, error_rate", errors),
            RuleSyntax.Duration(t.Window, TimeSpan.Zero, $"{path}.window", errors),
            RuleSyntax.Operator(t.Op, $"{path}.op", errors),
            RuleSyntax.Threshold(t.Threshold, $"{path}.threshold", errors),
            t.Service, t.From, t.To);
    }
}
