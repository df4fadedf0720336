using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Builds <see cref="LogQuery.Text"/> clauses (the store's Lucene query syntax) from parts that are
/// always escaped: values go inside double quotes with <c>\</c> and <c>"</c> escaped, so no value can
/// change the query's structure. Negations are anchored on <c>*:*</c>, because a Lucene group of
/// negative clauses alone matches nothing.
/// </summary>
public static class LuceneText
{
    public const string All = "*:*";

    /// <summary>Matches no record.</summary>
    public const string Nothing = "(*:* -*:*)";

    /// <summary><c>field:"value"</c>: the exact keyword (or, on <c>message</c>, the analysed phrase).</summary>
    public static string Term(string field, string value) => $"{field}:{Quote(value)}";

    /// <summary><c>field:[* TO *]</c>: the records that have the field.</summary>
    public static string Present(string field) => $"{field}:[* TO *]";

    /// <summary><c>field:prefix*</c> for a term prefix of letters, digits and underscores only (no escaping needed or allowed).</summary>
    public static string Prefix(string field, string prefix)
    {
        if (prefix.Length == 0 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("a prefix is letters, digits and underscores", nameof(prefix));
        }

        return $"{field}:{prefix}*";
    }

    public static string Not(string clause) => $"(*:* -({clause}))";

    public static string Or(IReadOnlyCollection<string> clauses) => clauses.Count switch
    {
        0 => Nothing,
        1 => clauses.First(),
        _ => "(" + string.Join(" OR ", clauses) + ")",
    };

    public static string And(IReadOnlyCollection<string> clauses) => clauses.Count switch
    {
        0 => All,
        1 => clauses.First(),
        _ => "(" + string.Join(" AND ", clauses) + ")",
    };

    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
