using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// A regex for label_replace with Go's group numbering and Go's <c>Regexp.Expand</c> template rules
/// (<c>$1</c>, <c>${1}</c>, <c>$name</c>, <c>${name}</c>, <c>$$</c>; <c>$1x</c> names group "1x"). .NET numbers
/// named groups after unnamed ones, so Go's numbers are mapped; <c>(?P&lt;name&gt;…)</c> is accepted as Go accepts it.
/// No match timeout, as for <see cref="Model.Matcher"/>: the non-backtracking engine is linear in the input.
/// </summary>
public sealed partial class GoRegexTemplate
{
    private readonly Regex _regex;

    /// <summary>For Go's group number i (1-based), the .NET group name or number that holds it.</summary>
    private readonly List<string> _goGroups;

    private GoRegexTemplate(Regex regex, List<string> goGroups)
    {
        _regex = regex;
        _goGroups = goGroups;
    }

    /// <summary>Compiles <c>^(?s:pattern)$</c> (Go anchors: <c>$</c> is the very end); null when the pattern is not a valid regex.</summary>
    public static GoRegexTemplate? TryCompile(string pattern)
    {
        var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            var regex = new Regex("^(?s:" + translated + ")\\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
            return new GoRegexTemplate(regex, GroupsInGoOrder(translated));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The template expanded with the match, or null when the value does not match.</summary>
    public string? Replace(string value, string template)
    {
        var match = _regex.Match(value);
        if (!match.Success)
        {
            return null;
        }

        return Expand(match, template);
    }

    /// <summary>Go's <c>Regexp.Expand</c> of <paramref name="template"/> with <paramref name="match"/>'s groups.</summary>
    private string Expand(Match match, string template)
    {
        var output = new StringBuilder();
        var rest = template.AsSpan();
        while (true)
        {
            var dollar = rest.IndexOf('$');
            if (dollar < 0)
            {
                break;
            }

            output.Append(rest[..dollar]);
            rest = rest[(dollar + 1)..];
            if (rest.Length > 0 && rest[0] == '$')
            {
                output.Append('$');
                rest = rest[1..];
                continue;
            }

            if (!Extract(rest, out var name, out var consumed))
            {
                output.Append('$');
                continue;
            }

            rest = rest[consumed..];
            output.Append(GroupValue(match, name));
        }

        return output.Append(rest).ToString();
    }

    private string GroupValue(Match match, string name)
    {
        Group? group = null;
        if (IsGroupNumber(name, out var number))
        {
            if (number == 0)
            {
                group = match.Groups[0];
            }
            else if (number <= _goGroups.Count)
            {
                group = match.Groups[_goGroups[number - 1]];
            }
        }
        else if (_goGroups.Contains(name))
        {
            group = match.Groups[name];
        }

        return group is { Success: true } ? group.Value : "";
    }

    /// <summary>Go's <c>extract</c>: a name of letters, digits and underscores, optionally in braces.</summary>
    private static bool Extract(ReadOnlySpan<char> text, out string name, out int consumed)
    {
        name = "";
        consumed = 0;
        var brace = text.Length > 0 && text[0] == '{';
        var start = brace ? 1 : 0;
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i == start)
        {
            return false;
        }

        name = text[start..i].ToString();
        if (brace)
        {
            if (i >= text.Length || text[i] != '}')
            {
                return false;
            }

            i++;
        }

        consumed = i;
        return true;
    }

    private static bool IsGroupNumber(string name, out int number)
    {
        number = -1;
        if (name.Length > 1 && name[0] == '0')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number < 100_000_000;
    }

    /// <summary>The capturing groups in order of their opening parenthesis: a name for named ones, .NET's number for unnamed ones.</summary>
    private static List<string> GroupsInGoOrder(string pattern)
    {
        var groups = new List<string>();
        var unnamed = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    i++;
                }

                // A ']' first in a class is a literal.
                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    i++;
                }

                continue;
            }

            if (c != '(')
            {
                continue;
            }

            if (i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                if (i + 2 < pattern.Length && pattern[i + 2] == '<')
                {
                    var close = pattern.IndexOf('>', i + 3);
                    if (close > i + 3)
                    {
                        groups.Add(pattern[(i + 3)..close]);
                    }
                }

                continue;
            }

            unnamed++;
            groups.Add(unnamed.ToString(CultureInfo.InvariantCulture));
        }

        return groups;
    }
}
