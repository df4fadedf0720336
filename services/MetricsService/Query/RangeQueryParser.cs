using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Query;

/// <summary>The raw query-string parameters of <c>query_range</c>.</summary>
public sealed record RangeQueryParameters(
    string? Name, IReadOnlyList<string> Match, string? Start, string? End, string? Step, string? Agg, string? GroupBy, string? Fn, string? Tier);

/// <summary>
/// Turns query-string parameters into a <see cref="RangeQuery"/>, collecting one message per bad
/// field (for a 400 ValidationProblem). The metric name and every <c>match[]</c> selector all apply (AND).
/// </summary>
public static class RangeQueryParser
{
    public static RangeQuery? Parse(RangeQueryParameters p, QueryOptions options, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>();
        void Fail(string field, string message) => problems[field] = [message];

        var name = string.IsNullOrEmpty(p.Name) ? null : p.Name;
        if (name is not null && !MetricNames.IsValidMetricName(name))
        {
            Fail("name", "The name must match [a-zA-Z_:][a-zA-Z0-9_:]*.");
        }

        var matchers = new List<LabelMatcher>();
        foreach (var text in p.Match)
        {
            if (!SelectorParser.TryParse(text, out var selector, out var error))
            {
                Fail("match[]", error);
                continue;
            }

            if (selector.Name is not null && name is not null && selector.Name != name)
            {
                Fail("match[]", $"The selector names '{selector.Name}' but name is '{name}'.");
            }

            name ??= selector.Name;
            matchers.AddRange(selector.Matchers);
        }

        if (name is null && matchers.Count == 0)
        {
            Fail("name", "Give a metric name or a match[] selector.");
        }

        var hasStart = QueryTime.TryParseMs(p.Start, out var start);
        var hasEnd = QueryTime.TryParseMs(p.End, out var end);
        if (!hasStart) { Fail("start", "start must be an RFC 3339 time or Unix seconds."); }
        if (!hasEnd) { Fail("end", "end must be an RFC 3339 time or Unix seconds."); }
        if (hasStart && hasEnd && start > end) { Fail("start", "start must not be after end."); }

        if (!PromDuration.TryParseMs(p.Step, out var step))
        {
            Fail("step", "step must be a positive duration (e.g. 15s, 1m) or a number of seconds.");
        }
        else if (hasStart && hasEnd && start <= end && ((end - start) / step) + 1 > options.MaxPointsPerSeries)
        {
            Fail("step", $"The range at this step returns {((end - start) / step) + 1} points per series; the limit is {options.MaxPointsPerSeries}. Use a larger step.");
        }

        var aggregation = Aggregation.Avg;
        if (p.Agg is not null && !Aggregations.TryParse(p.Agg, out aggregation))
        {
            Fail("agg", $"agg must be one of {Aggregations.Known}.");
        }

        var function = p.Fn switch
        {
            null or "" => CounterFunction.None,
            "rate" => CounterFunction.Rate,
            "increase" => CounterFunction.Increase,
            _ => (CounterFunction)(-1),
        };
        if (!Enum.IsDefined(function)) { Fail("fn", "fn must be rate or increase."); }

        StorageTier? tier = null;
        if (!string.IsNullOrEmpty(p.Tier))
        {
            if (StorageTiers.TryParse(p.Tier, out var forced)) { tier = forced; }
            else { Fail("tier", "tier must be raw, 1m or 1h."); }
        }

        if (tier is not null and not StorageTier.Raw && aggregation.Quantile() is not null && function == CounterFunction.None)
        {
            Fail("agg", $"{p.Agg} needs raw samples: rollup tiers keep min, max, sum, count and last, no quantile sketch. Use tier=raw or omit tier.");
        }

        var groupBy = p.GroupBy?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (groupBy?.FirstOrDefault(g => !MetricNames.IsValidLabelName(g) && g != "__name__") is { } badLabel)
        {
            Fail("group_by", $"'{badLabel}' is not a valid label name.");
        }

        errors = problems;
        return problems.Count > 0
            ? null
            : new RangeQuery(new SeriesSelector(name, matchers), new StepPlan(start, end, step), aggregation, groupBy, function, tier);
    }
}
