using System.Globalization;
using AirisEpm.PromQl.Model;
using PromLabelSet = AirisEpm.PromQl.Model.LabelSet;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// The legacy <c>query_range</c> dialect as PromQL, so one engine answers both APIs. A bucket [s, s + step) is
/// PromQL's left-open window (t − step, t] at t = s + step − 1 ms, which holds exactly the same samples; the executor
/// evaluates at those times and reports each point at its bucket's start. Per bucket:
/// <code>
///   agg      per series (no group_by)      grouped (group_by=a,b)
///   avg      avg_over_time(x[w])           sum by (a,b) (sum_over_time(x[w])) / sum by (a,b) (count_over_time(x[w]))
///   min/max  min_over_time / max_over_time min by (a,b) (min_over_time(x[w]))  (max likewise)
///   sum      sum_over_time(x[w])           sum by (a,b) (sum_over_time(x[w]))
///   count    count_over_time(x[w])         sum by (a,b) (count_over_time(x[w]))
///   last     last_over_time(x[w])          max by (a,b) (last_over_time(x[w]))
///   pNN      quantile_over_time(φ, x[w])   quantile by (a,b) (φ, quantile_over_time(φ, x[w]))
///   fn=rate  agg without () (rate(x[w]))   agg by (a,b) (rate(x[w]))      (increase likewise; last → max, pNN → quantile)
/// </code>
/// PromQL drops the metric name in these functions, so a query whose results keep it (per series, or grouped by
/// <c>__name__</c>) is evaluated once per metric name, given here as <paramref name="name"/>.
/// </summary>
public static class RangeQueryTranslator
{
    public static string Translate(RangeQuery query, string? name)
    {
        ArgumentNullException.ThrowIfNull(query);
        var range = Selector(query, name) + "[" + PromDuration.Format(query.StepMs) + "]";
        var grouping = query.GroupBy is null
            ? null
            : "(" + string.Join(", ", query.GroupBy.Where(l => l != PromLabelSet.MetricName).Distinct(StringComparer.Ordinal)) + ")";
        var phi = query.Aggregation.Quantile() is { } q ? q.ToString("0.##", CultureInfo.InvariantCulture) : null;

        if (query.Function != CounterFunction.None)
        {
            var counter = (query.Function == CounterFunction.Rate ? "rate(" : "increase(") + range + ")";
            var op = query.Aggregation switch
            {
                Aggregation.Avg => "avg",
                Aggregation.Min => "min",
                Aggregation.Max or Aggregation.Last => "max",
                Aggregation.Sum => "sum",
                Aggregation.Count => "count",
                _ => "quantile",
            };
            var modifier = grouping is null ? "without ()" : "by " + grouping;
            return phi is null ? $"{op} {modifier} ({counter})" : $"{op} {modifier} ({phi}, {counter})";
        }

        if (grouping is null)
        {
            return query.Aggregation switch
            {
                Aggregation.Avg => $"avg_over_time({range})",
                Aggregation.Min => $"min_over_time({range})",
                Aggregation.Max => $"max_over_time({range})",
                Aggregation.Sum => $"sum_over_time({range})",
                Aggregation.Count => $"count_over_time({range})",
                Aggregation.Last => $"last_over_time({range})",
                _ => $"quantile_over_time({phi}, {range})",
            };
        }

        return query.Aggregation switch
        {
            Aggregation.Avg => $"sum by {grouping} (sum_over_time({range})) / sum by {grouping} (count_over_time({range}))",
            Aggregation.Min => $"min by {grouping} (min_over_time({range}))",
            Aggregation.Max => $"max by {grouping} (max_over_time({range}))",
            Aggregation.Sum => $"sum by {grouping} (sum_over_time({range}))",
            Aggregation.Count => $"sum by {grouping} (count_over_time({range}))",
            Aggregation.Last => $"max by {grouping} (last_over_time({range}))",
            _ => $"quantile by {grouping} ({phi}, quantile_over_time({phi}, {range}))",
        };
    }

    /// <summary>True when results keep the metric name: per series, or grouped by <c>__name__</c>.</summary>
    public static bool KeepsName(RangeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.GroupBy is null || query.GroupBy.Contains(PromLabelSet.MetricName);
    }

    private static string Selector(RangeQuery query, string? name)
    {
        var matchers = new List<string>();
        if ((name ?? query.Name) is { } metric)
        {
            matchers.Add(Matcher.Create(PromLabelSet.MetricName, MatchOp.Equal, metric).ToString());
        }

        matchers.AddRange(query.Matchers.Select(m => m.ToString()));
        return "{" + string.Join(", ", matchers) + "}";
    }
}
