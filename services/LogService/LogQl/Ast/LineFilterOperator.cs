namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// The line filters: <c>|=</c> contains, <c>!=</c> does not contain, <c>|~</c> matches the regex somewhere,
/// <c>!~</c> does not, <c>|&gt;</c> has the pattern's shape, <c>!&gt;</c> does not.
/// </summary>
public enum LineFilterOperator
{
    Contains,
    NotContains,
    Regex,
    NotRegex,
    Pattern,
    NotPattern,
}
