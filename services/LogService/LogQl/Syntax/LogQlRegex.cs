using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Compiles LogQL's regular expressions (Go RE2 syntax) to .NET regexes with RE2's guarantee: matching
/// time linear in the input (<see cref="RegexOptions.NonBacktracking"/>), so no query can make a line
/// take exponential time, plus a per-match timeout as a second bound on very long lines. The RE2
/// spellings .NET lacks are rewritten: <c>(?P&lt;name&gt;</c> to <c>(?&lt;name&gt;</c>, <c>\pL</c> to
/// <c>\p{L}</c>, POSIX classes such as <c>[[:alpha:]]</c> to ranges. Constructs neither supports
/// (backreferences, lookarounds) are refused with the reason .NET gives. Building a non-backtracking
/// regex costs about a hundred microseconds, so compiled patterns are kept (up to <see cref="MaxCached"/>,
/// the cache emptied when full): Grafana sends the same queries again on every refresh. A <see cref="Regex"/>
/// is safe to share between threads.
/// </summary>
public static class LogQlRegex
{
    /// <summary>The longest pattern accepted: RE2-style matching builds an automaton whose size follows the pattern's.</summary>
    public const int MaxPatternLength = 4_096;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public const int MaxCached = 512;

    private static readonly ConcurrentDictionary<(string Pattern, bool Anchored), Regex> Cache = new();

    private static readonly (string Posix, string Ranges)[] PosixClasses =
    [
        ("[:alnum:]", "0-9A-Za-z"), ("[:alpha:]", "A-Za-z"), ("[:ascii:]", "\\x00-\\x7F"), ("[:blank:]", "\\t "),
        ("[:cntrl:]", "\\x00-\\x1F\\x7F"), ("[:digit:]", "0-9"), ("[:graph:]", "!-~"), ("[:lower:]", "a-z"),
        ("[:print:]", " -~"), ("[:punct:]", "!-/:-@\\[-`{-~"), ("[:space:]", "\\t\\n\\v\\f\\r "), ("[:upper:]", "A-Z"),
        ("[:word:]", "0-9A-Za-z_"), ("[:xdigit:]", "0-9A-Fa-f"),
    ];

    /// <summary>
    /// The compiled pattern; <paramref name="anchored"/> makes it match whole values only, with <c>.</c>
    /// matching a newline too (label matchers: Prometheus's <c>^(?s:re)$</c>), otherwise anywhere in the text
    /// (line filters, as Go's <c>regexp.Compile</c>). Throws <see cref="ArgumentException"/>
    /// with the reason when the pattern is invalid or unsupported.
    /// </summary>
    public static Regex Compile(string pattern, bool anchored)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length > MaxPatternLength)
        {
            throw new ArgumentException($"the regular expression is longer than {MaxPatternLength} characters");
        }

        if (Cache.TryGetValue((pattern, anchored), out var cached))
        {
            return cached;
        }

        var translated = Translate(pattern);
        try
        {
            var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (anchored ? RegexOptions.Singleline : RegexOptions.None);
            var regex = new Regex(anchored ? $"\\A(?:{translated})\\z" : translated, options, MatchTimeout);
            if (Cache.Count >= MaxCached) Cache.Clear();
            Cache[(pattern, anchored)] = regex;
            return regex;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"invalid regular expression {PromQlString.Quote(pattern)}: {FirstSentence(e.Message)}", e);
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException($"unsupported regular expression {PromQlString.Quote(pattern)}: {FirstSentence(e.Message)}", e);
        }
    }

    private static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var e = pattern[i + 1];
                if (e is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] != '{')
                {
                    builder.Append('\\').Append(e).Append('{').Append(pattern[i + 2]).Append('}');
                    i += 2;
                }
                else
                {
                    builder.Append(c).Append(e);
                    i++;
                }
            }
            else if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                builder.Append("(?<");
                i += 3;
            }
            else if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':' && Posix(pattern, i) is { } posix)
            {
                builder.Append(posix.Ranges);
                i += posix.Posix.Length - 1;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static (string Posix, string Ranges)? Posix(string pattern, int at)
    {
        foreach (var entry in PosixClasses)
        {
            if (string.CompareOrdinal(pattern, at, entry.Posix, 0, entry.Posix.Length) == 0)
            {
                return entry;
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
