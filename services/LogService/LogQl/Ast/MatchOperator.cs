namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>The four label matcher operators: <c>= != =~ !~</c>.</summary>
public enum MatchOperator
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
