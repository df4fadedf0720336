using System.Text.RegularExpressions;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// <c>name op "value"</c>, as in Prometheus: regexes match the whole value, and an absent label
/// matches as the empty string (so <c>env!="prod"</c> keeps records without <c>env</c>).
/// The regex is compiled once, at parse time (<see cref="LogQlRegex"/>).
/// </summary>
public sealed class LabelMatcher
{
    private readonly Regex? _regex;

    /// <summary>Throws <see cref="ArgumentException"/> when a regex matcher's pattern is invalid.</summary>
    public LabelMatcher(string name, MatchOperator op, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Operator = op;
        Value = value;
        _regex = op is MatchOperator.Regex or MatchOperator.NotRegex ? LogQlRegex.Compile(value, anchored: true) : null;
        MatchesEmpty = Matches("");
    }

    public string Name { get; }

    public MatchOperator Operator { get; }

    public string Value { get; }

    /// <summary>Whether records without the label (or with it empty) match.</summary>
    public bool MatchesEmpty { get; }

    public bool Matches(string? value)
    {
        value ??= "";
        return Operator switch
        {
            MatchOperator.Equal => value == Value,
            MatchOperator.NotEqual => value != Value,
            MatchOperator.Regex => _regex!.IsMatch(value),
            _ => !_regex!.IsMatch(value),
        };
    }

    public override string ToString() => $"{Name}{Symbol(Operator)}{GoStrings.Quote(Value)}";

    public static string Symbol(MatchOperator op) => op switch
    {
        MatchOperator.Equal => "=",
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        _ => "!~",
    };
}
