using System.Text.RegularExpressions;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>|= "text"</c>, <c>!= "text"</c> (case-sensitive substring), <c>|~ "re"</c>, <c>!~ "re"</c> (unanchored RE2 regex) over the current line.</summary>
public sealed record LineFilterStage : PipelineStage
{
    /// <summary>Throws <see cref="ArgumentException"/> when a regex filter's pattern is invalid.</summary>
    public LineFilterStage(LineFilterOperator op, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Operator = op;
        Value = value;
        Pattern = op is LineFilterOperator.Regex or LineFilterOperator.NotRegex ? LogQlRegex.Compile(value, anchored: false) : null;
    }

    public LineFilterOperator Operator { get; }

    public string Value { get; }

    public Regex? Pattern { get; }

    public bool Keeps(string line) => Operator switch
    {
        LineFilterOperator.Contains => line.Contains(Value, StringComparison.Ordinal),
        LineFilterOperator.NotContains => !line.Contains(Value, StringComparison.Ordinal),
        LineFilterOperator.Regex => Pattern!.IsMatch(line),
        _ => !Pattern!.IsMatch(line),
    };

    public static string Symbol(LineFilterOperator op) => op switch
    {
        LineFilterOperator.Contains => "|=",
        LineFilterOperator.NotContains => "!=",
        LineFilterOperator.Regex => "|~",
        _ => "!~",
    };
}
