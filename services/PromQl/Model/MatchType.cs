namespace AirisEpm.PromQl.Model;

/// <summary>The four label match operators: <c>=</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>.</summary>
public enum MatchType
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
