namespace AirisEpm.AlertService.Domain.Labels;

/// <summary>The four matcher operators: <c>=</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>.</summary>
public enum MatchOperator
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}

public static class MatchOperatorExtensions
{
    public static string Symbol(this MatchOperator type) => type switch
    {
        MatchOperator.Equal => "=",
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        MatchOperator.NotRegex => "!~",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>API v2 form: <c>isRegex</c> and <c>isEqual</c> (isEqual defaults to true in Alertmanager).</summary>
    public static (bool IsRegex, bool IsEqual) ToApi(this MatchOperator type) =>
        (type is MatchOperator.Regex or MatchOperator.NotRegex, type is MatchOperator.Equal or MatchOperator.Regex);

    public static MatchOperator FromApi(bool isRegex, bool isEqual) => (isRegex, isEqual) switch
    {
        (false, true) => MatchOperator.Equal,
        (false, false) => MatchOperator.NotEqual,
        (true, true) => MatchOperator.Regex,
        (true, false) => MatchOperator.NotRegex,
    };
}
