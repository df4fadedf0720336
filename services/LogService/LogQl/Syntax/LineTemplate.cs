using System.Text;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// The part of Go's text/template that <c>| line_format</c> queries use: literal text, field references
/// (<c>{{.msg}}</c>, <c>{{ .status }}</c>, a missing label gives an empty string as in Loki),
/// <c>{{__line__}}</c> for the current line, and the trim markers <c>{{-</c> and <c>-}}</c>. Pipes,
/// functions and actions (<c>if</c>, <c>range</c>) are refused by <see cref="Parse"/> with the action named.
/// </summary>
public sealed class LineTemplate
{
    public const string LineFunction = "__line__";

    private readonly IReadOnlyList<Part> _parts;

    private LineTemplate(IReadOnlyList<Part> parts) => _parts = parts;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unsupported or malformed action.</summary>
    public static LineTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(template, i, template.Length - i);
                break;
            }

            literal.Append(template, i, open - i);
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgumentException("line_format: an action opened with '{{' is not closed with '}}'");
            }

            var action = template.AsSpan(open + 2, close - open - 2);
            var trimBefore = action.StartsWith("- ") || action is "-";
            var trimAfter = action.EndsWith(" -");
            if (trimBefore) action = action[1..];
            if (trimAfter) action = action[..^1];
            if (trimBefore) TrimEnd(literal);
            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), null));
                literal.Clear();
            }

            parts.Add(new Part(null, Reference(action.Trim(), template.Substring(open, close - open + 2))));
            i = close + 2;
            if (trimAfter)
            {
                while (i < template.Length && char.IsWhiteSpace(template[i])) i++;
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), null));
        }

        return new LineTemplate(parts);
    }

    /// <summary>The formatted line: each reference replaced by <paramref name="label"/>'s value (empty when absent).</summary>
    public string Render(string line, Func<string, string?> label)
    {
        if (_parts.Count == 1 && _parts[0].Literal is { } only) return only;
        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(part.Literal ?? (part.Field == LineFunction ? line : label(part.Field!) ?? ""));
        }

        return builder.ToString();
    }

    private static string Reference(ReadOnlySpan<char> action, string whole)
    {
        if (action.SequenceEqual(LineFunction))
        {
            return LineFunction;
        }

        if (action.Length > 1 && action[0] == '.' && IsName(action[1..]))
        {
            return action[1..].ToString();
        }

        throw new ArgumentException($"line_format supports only field references such as {{{{.msg}}}} and {{{{__line__}}}}; '{whole}' is not supported");
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0])) return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }

        return true;
    }

    private static void TrimEnd(StringBuilder builder)
    {
        var end = builder.Length;
        while (end > 0 && char.IsWhiteSpace(builder[end - 1])) end--;
        builder.Length = end;
    }

    private sealed record Part(string? Literal, string? Field);
}
