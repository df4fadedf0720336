using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Finds a PromQL string literal in a script line (<c>"..."</c> or <c>'...'</c> with Go's escapes, or a raw
/// <c>`...`</c>) and unquotes it with <see cref="PromQlString.TryUnquote"/>, the parser's own unquoting.
/// </summary>
public static class QuotedString
{
    /// <summary>Reads the literal that starts at <paramref name="position"/>; on return it points past the closing quote.</summary>
    public static string Read(string text, ref int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quote = text[position];
        if (quote is not ('"' or '\'' or '`'))
        {
            throw new FormatException($"expected a quoted string at column {position + 1}");
        }

        var end = position + 1;
        while (end < text.Length && text[end] != quote)
        {
            end += text[end] == '\\' && quote != '`' ? 2 : 1;
        }

        if (end >= text.Length)
        {
            throw new FormatException("unterminated quoted string");
        }

        var literal = text[position..(end + 1)];
        if (!PromQlString.TryUnquote(literal, out var value, out _))
        {
            throw new FormatException($"invalid quoted string {literal}");
        }

        position = end + 1;
        return value;
    }

    /// <summary>The whole of <paramref name="text"/> as one literal (for <c>expect string "..."</c>).</summary>
    public static string Unquote(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new FormatException("expected a quoted string");
        }

        var position = 0;
        var value = Read(text, ref position);
        return position == text.Length ? value : throw new FormatException("unexpected text after the quoted string");
    }
}
