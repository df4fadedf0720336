using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// LogQL's label matchers are Prometheus's (<see cref="Matcher"/>, the one type in the repository): regexes
/// match whole values, <c>.</c> matches a newline too, an absent label matches as the empty string (so
/// <c>env!="prod"</c> keeps records without <c>env</c>). The regex is compiled once, at parse time, by
/// <see cref="LogQlRegex"/>, which reads RE2's spellings and bounds each match.
/// </summary>
public static class LogQlMatchers
{
    /// <summary>Throws <see cref="ArgumentException"/> when a regex matcher's pattern is invalid.</summary>
    public static Matcher Create(string name, MatchOp op, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var regex = op is MatchOp.Regex or MatchOp.NotRegex ? LogQlRegex.Compile(value, anchored: true) : null;
        return Matcher.Create(name, op, value, regex);
    }
}
