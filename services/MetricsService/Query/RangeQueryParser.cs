using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;

namespace AirisEpm.MetricsService.Query;

/// <summary>The raw query-string parameters of <c>query_range</c>.</summary>
public sealed record RangeQueryParameters(
    string? Name, IReadOnlyList<string> Match, string? Start, string? End, string? Step, string? Agg, string? GroupBy, string? Fn, string? Tier);

/// <summary>
/// Turns query-string parameters into a <see cref="RangeQuery"/>, collecting one message per bad field (for a 400
/// ValidationProblem). The metric name and every <c>match[]</c> selector all apply (AND). Selectors, times and steps
/// are read by the same parsers as the Prometheus API (PromQL's selector parser; Unix seconds or RFC 3339; seconds
/// or a duration).
/// </summary>
public static class RangeQueryParser
{
    public static RangeQuery? Parse(RangeQueryParameters p, QueryOptions options, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new Dictionary<string, string[]>();
        void Fail(string field, string message) => problems[field] = [message];

        var name = string.IsNullOrEmpty(p.Name) ? null : p.Name;
        if (name is not null && !MetricNames.IsValidMetricName(name))
        {
            Fail("name", "The name must match [a-zA-Z_:][a-zA-Z0-9_:]*.");
        }

        var matchers = new List<Matcher>();
        foreach (var text in p.Match)
        {
            IReadOnlyList<Matcher> selector;
            try
            {
                selector = PromQlParser.ParseMetricSelector(text);
            }
            catch (ParseException e)
            {
                Fail("match[]", e.Message);
                continue;
            }

            var selectorName = selector.FirstOrDefault(m => m.Name == PromQl.Model.LabelSet.MetricName && m.Op == MatchOp.Equal)?.Value;
            if (selectorName is not null && name is not null && selectorName != name)
            {
                Fail("match[]", $"The selector names '{selectorName}' but name is '{name}'.");
            }

            name ??= selectorName;
            var metric = name;
            matchers.AddRange(selector.Where(m => !(m.Name == PromQl.Model.LabelSet.MetricName && m.Op == MatchOp.Equal && m.Value == metric)));
        }

        if (name is null && !matchers.Any(m => !m.MatchesEmpty))
        {
            Fail("name", "Give a metric name or a match[] selector with a matcher that does not match the empty value.");
        }

        var hasStart = PromParameters.TryParseTime(p.Start ?? "", out var start, out _);
        var hasEnd = PromParameters.TryParseTime(p.End ?? "", out var end, out _);
        if (!hasStart) { Fail("start", "start must be an RFC 3339 time or Unix seconds."); }
        if (!hasEnd) { Fail("end", "end must be an RFC 3339 time or Unix seconds."); }
        if (hasStart && hasEnd && start > end) { Fail("start", "start must not be after end."); }

        if (!PromParameters.TryParseDuration(p.Step ?? "", out var step, out _) || step <= 0)
        {
            Fail("step", "step must be a positive duration (e.g. 15s, 1m) or a number of seconds.");
        }
        else if (hasStart && hasEnd && start <= end && (((decimal)end - start) / step) + 1 > options.MaxPointsPerSeries)
        {
            var points = (((decimal)end - start) / step) + 1;
            Fail("step", $"The range at this step returns {Math.Floor(points)} points per series; the limit is {options.MaxPointsPerSeries}. Use a larger step.");
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

        var tier = StorageTier.Raw;
        if (!string.IsNullOrEmpty(p.Tier) && !StorageTiers.TryParse(p.Tier, out tier))
        {
            Fail("tier", "tier must be raw, 1m or 1h.");
        }

        if (tier != StorageTier.Raw && aggregation.Quantile() is not null && function == CounterFunction.None)
        {
            Fail("agg", $"{p.Agg} needs raw samples: rollup tiers keep min, max, sum, count and last, no quantile sketch. Use tier=raw or omit tier.");
        }

        var groupBy = p.GroupBy?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (groupBy?.FirstOrDefault(g => !MetricNames.IsValidLabelName(g) && g != "__name__") is { } badLabel)
        {
            Fail("group_by", $"'{badLabel}' is not a valid label name.");
        }

        errors = problems;
        return problems.Count > 0 ? null : new RangeQuery(name, matchers, start, end, step, aggregation, groupBy, function, tier);
    }
}
