using System.Text.RegularExpressions;

namespace AirisEpm.PromQl.Engine.Functions;

public sealed partial class GoRegexTemplate
{
    /// <summary>
    /// Compiles <paramref name="pattern"/> as Go's <c>regexp.Compile</c> does (unanchored, <c>.</c> not matching a
    /// newline), for replacing every match in a text (LogQL's <c>regexReplaceAll</c>); null when it is not a valid regex.
    /// </summary>
    public static GoRegexTemplate? TryCompileUnanchored(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            var regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
            return new GoRegexTemplate(regex, GroupsInGoOrder(translated));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Go's <c>ReplaceAllString</c>: every match replaced by <paramref name="template"/> expanded with its groups.</summary>
    public string ReplaceAll(string text, string template)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(template);
        return _regex.Replace(text, match => Expand(match, template));
    }

    /// <summary>Go's <c>ReplaceAllLiteralString</c>: every match replaced by <paramref name="replacement"/> as it is.</summary>
    public string ReplaceAllLiteral(string text, string replacement)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(replacement);
        return _regex.Replace(text, _ => replacement);
    }

    /// <summary>How many non-overlapping matches <paramref name="text"/> holds (empty matches included, as Go's <c>FindAllStringIndex</c>).</summary>
    public int CountMatches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _regex.Count(text);
    }
}
