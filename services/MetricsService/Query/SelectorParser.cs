using AirisEpm.MetricsService.Domain;
using System.Text;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// Parses a PromQL series selector: <c>name</c>, <c>{job="api",code=~"5.."}</c> or
/// <c>name{...}</c>. Values are double-quoted with Go-style escapes (\" \\ \n). Regexes are
/// anchored by <see cref="LabelMatcher"/>; an invalid one is reported, not thrown.
/// </summary>
public static class SelectorParser
{
    public static bool TryParse(string? text, out SeriesSelector selector, out string error)
    {
        selector = new SeriesSelector(null, []);
        error = "";
        var input = (text ?? "").Trim();
        if (input.Length == 0)
        {
            error = "The selector is empty.";
            return false;
        }

        var brace = input.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? input : input[..brace].Trim();
        if (name.Length > 0 && !MetricNames.IsValidMetricName(name))
        {
            error = $"'{name}' is not a valid metric name.";
            return false;
        }

        var matchers = new List<LabelMatcher>();
        if (brace >= 0 && !TryParseMatchers(input, brace + 1, matchers, out error))
        {
            return false;
        }

        var nameMatcher = matchers.FirstOrDefault(m => m.Name == "__name__" && m.Op == MatchOp.Equal);
        if (name.Length == 0 && nameMatcher is not null)
        {
            name = nameMatcher.Value;
            matchers.Remove(nameMatcher);
        }

        if (name.Length == 0 && matchers.Count == 0)
        {
            error = "A selector needs a metric name or at least one matcher.";
            return false;
        }

        selector = new SeriesSelector(name.Length == 0 ? null : name, matchers);
        return true;
    }

    private static bool TryParseMatchers(string s, int i, List<LabelMatcher> matchers, out string error)
    {
        error = "";
        while (true)
        {
            i = SkipSpaces(s, i);
            if (i < s.Length && s[i] == '}')
            {
                if (SkipSpaces(s, i + 1) != s.Length)
                {
                    error = "Unexpected text after '}'.";
                    return false;
                }

                return true;
            }

            var nameStart = i;
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
            {
                i++;
            }

            var label = s[nameStart..i];
            if (!MetricNames.IsValidLabelName(label) && label != "__name__")
            {
                error = $"Expected a label name at position {nameStart}.";
                return false;
            }

            i = SkipSpaces(s, i);
            var op = s.AsSpan(i).StartsWith("=~") ? MatchOp.Regex
                : s.AsSpan(i).StartsWith("!~") ? MatchOp.NotRegex
                : s.AsSpan(i).StartsWith("!=") ? MatchOp.NotEqual
                : s.AsSpan(i).StartsWith("=") ? MatchOp.Equal
                : (MatchOp)(-1);
            if (!Enum.IsDefined(op))
            {
                error = $"Expected =, !=, =~ or !~ after '{label}'.";
                return false;
            }

            i = SkipSpaces(s, i + (op == MatchOp.Equal ? 1 : 2));
            if (!TryReadQuoted(s, ref i, out var value))
            {
                error = $"Expected a double-quoted value for '{label}'.";
                return false;
            }

            try
            {
                matchers.Add(new LabelMatcher(label, op, value));
            }
            catch (ArgumentException e)
            {
                error = $"Invalid regex for '{label}': {e.Message}";
                return false;
            }

            i = SkipSpaces(s, i);
            if (i < s.Length && s[i] == ',')
            {
                i++;
            }
            else if (i >= s.Length || s[i] != '}')
            {
                error = "Expected ',' or '}'.";
                return false;
            }
        }
    }

    private static bool TryReadQuoted(string s, ref int i, out string value)
    {
        value = "";
        if (i >= s.Length || s[i] != '"')
        {
            return false;
        }

        var builder = new StringBuilder();
        for (i++; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"')
            {
                i++;
                value = builder.ToString();
                return true;
            }

            if (c == '\\' && i + 1 < s.Length)
            {
                i++;
                builder.Append(s[i] switch { 'n' => '\n', 't' => '\t', _ => s[i] });
                continue;
            }

            builder.Append(c);
        }

        return false;
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }
}
