using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// A <see cref="SeriesSelector"/> as conditions on the <c>series</c> table (ordered by name, id), so a metric
/// name, as <see cref="SeriesSelector.Name"/> or a <c>__name__</c> matcher, narrows the read by the primary key.
/// Prometheus semantics carry over without special cases: a Map lookup of a missing key yields the empty string,
/// so <c>job=""</c> selects series without <c>job</c> and <c>job!=""</c> requires it. Regexes are fully anchored and
/// <c>.</c> matches a newline (<c>^(?s:re)$</c>, as Prometheus 3 compiles them); ClickHouse's <c>match</c> is RE2 in
/// UTF-8 mode, Prometheus's own regex dialect.
/// </summary>
internal static class SeriesFilter
{
    private const string MetricNameLabel = "__name__";

    /// <summary>The conditions joined with AND (<c>1</c> when there are none); values are bound to <paramref name="parameters"/>.</summary>
    public static string Where(SeriesSelector selector, QueryParameters parameters)
    {
        var conditions = new List<string>();
        if (selector.Name is not null)
        {
            conditions.Add($"name = {parameters.Bind("String", selector.Name)}");
        }

        foreach (var matcher in selector.Matchers)
        {
            conditions.Add(Condition(matcher, parameters));
        }

        return conditions.Count == 0 ? "1" : string.Join(" AND ", conditions);
    }

    /// <summary>The pattern a Prometheus regex matcher means: the whole value, with <c>.</c> matching a newline.</summary>
    public static string Anchored(string regex) => "^(?s:" + regex + ")$";

    private static string Condition(Matcher matcher, QueryParameters parameters)
    {
        var value = matcher.Name == MetricNameLabel ? "name" : $"labels[{parameters.Bind("String", matcher.Name)}]";
        return matcher.Op switch
        {
            MatchOp.Equal => $"{value} = {parameters.Bind("String", matcher.Value)}",
            MatchOp.NotEqual => $"{value} != {parameters.Bind("String", matcher.Value)}",
            MatchOp.Regex => $"match({value}, {parameters.Bind("String", Anchored(matcher.Value))})",
            _ => $"NOT match({value}, {parameters.Bind("String", Anchored(matcher.Value))})",
        };
    }
}
