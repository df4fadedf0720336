using System.Text.RegularExpressions;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// <c>|= "text"</c>, <c>!= "text"</c> (case-sensitive substring), <c>|~ "re"</c>, <c>!~ "re"</c> (unanchored RE2
/// regex), <c>|&gt; "&lt;_&gt; level=error &lt;_&gt;"</c>, <c>!&gt; "…"</c> (Loki's pattern shape, <see cref="LinePattern"/>) over the current line.
/// </summary>
public sealed record LineFilterStage : PipelineStage
{
    /// <summary>Throws <see cref="ArgumentException"/> when a regex or pattern filter's text is invalid.</summary>
    public LineFilterStage(LineFilterOperator op, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Operator = op;
        Value = value;
        Regex = op is LineFilterOperator.Regex or LineFilterOperator.NotRegex ? LogQlRegex.Compile(value, anchored: false) : null;
        Pattern = op is LineFilterOperator.Pattern or LineFilterOperator.NotPattern ? LinePattern.ForFilter(value) : null;
    }

    public LineFilterOperator Operator { get; }

    public string Value { get; }

    public Regex? Regex { get; }

    public LinePattern? Pattern { get; }

    public bool Keeps(string line) => Operator switch
    {
        LineFilterOperator.Contains => line.Contains(Value, StringComparison.Ordinal),
        LineFilterOperator.NotContains => !line.Contains(Value, StringComparison.Ordinal),
        LineFilterOperator.Regex => Regex!.IsMatch(line),
        LineFilterOperator.NotRegex => !Regex!.IsMatch(line),
        LineFilterOperator.Pattern => Pattern!.Test(line),
        _ => !Pattern!.Test(line),
    };

    /// <summary>Texts every kept line contains (the store narrows with them): a <c>|=</c>'s text, a <c>|&gt;</c>'s literals.</summary>
    public IEnumerable<string> RequiredTexts => Operator switch
    {
        LineFilterOperator.Contains => [Value],
        LineFilterOperator.Pattern => Pattern!.Literals,
        _ => [],
    };

    public static string Symbol(LineFilterOperator op) => op switch
    {
        LineFilterOperator.Contains => "|=",
        LineFilterOperator.NotContains => "!=",
        LineFilterOperator.Regex => "|~",
        LineFilterOperator.NotRegex => "!~",
        LineFilterOperator.Pattern => "|>",
        _ => "!>",
    };
}
