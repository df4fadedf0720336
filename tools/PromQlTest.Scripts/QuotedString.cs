using System.Globalization;
using System.Text;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Reads a PromQL string literal: <c>"..."</c> or <c>'...'</c> with Go's escapes (<c>\n</c>, <c>\x41</c>,
/// <c>\u00e9</c>, <c>\101</c>, the quote itself), or a raw <c>`...`</c> without escapes.
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

        var builder = new StringBuilder();
        var i = position + 1;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new FormatException("unterminated quoted string");
            }

            var c = text[i];
            if (c == quote)
            {
                position = i + 1;
                return builder.ToString();
            }

            if (c == '\n' && quote != '`')
            {
                throw new FormatException("unterminated quoted string");
            }

            if (c == '\\' && quote != '`')
            {
                i = ReadEscape(text, i + 1, quote, builder);
                continue;
            }

            builder.Append(c);
            i++;
        }
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

    private static int ReadEscape(string text, int i, char quote, StringBuilder builder)
    {
        if (i >= text.Length)
        {
            throw new FormatException("unterminated escape sequence");
        }

        var c = text[i];
        switch (c)
        {
            case 'a': builder.Append('\a'); return i + 1;
            case 'b': builder.Append('\b'); return i + 1;
            case 'f': builder.Append('\f'); return i + 1;
            case 'n': builder.Append('\n'); return i + 1;
            case 'r': builder.Append('\r'); return i + 1;
            case 't': builder.Append('\t'); return i + 1;
            case 'v': builder.Append('\v'); return i + 1;
            case '\\': builder.Append('\\'); return i + 1;
            case 'x': return AppendCode(text, i + 1, 2, 16, builder);
            case 'u': return AppendCode(text, i + 1, 4, 16, builder);
            case 'U': return AppendCode(text, i + 1, 8, 16, builder);
            case >= '0' and <= '7': return AppendCode(text, i, 3, 8, builder);
            default:
                if (c == quote)
                {
                    builder.Append(c);
                    return i + 1;
                }

                throw new FormatException($"unknown escape sequence \\{c}");
        }
    }

    private static int AppendCode(string text, int start, int digits, int radix, StringBuilder builder)
    {
        if (start + digits > text.Length)
        {
            throw new FormatException("escape sequence is too short");
        }

        long code = 0;
        for (var k = 0; k < digits; k++)
        {
            var digit = radix == 16 ? HexValue(text[start + k]) : text[start + k] is >= '0' and <= '7' ? text[start + k] - '0' : -1;
            if (digit < 0)
            {
                throw new FormatException($"invalid character '{text[start + k]}' in escape sequence");
            }

            code = (code * radix) + digit;
        }

        if (digits == 2 || radix == 8)
        {
            // \xHH and \ooo are bytes in Go; a byte above 0x7f would need UTF-8 decoding of a byte run, which label values never use here.
            if (code > 0x7f)
            {
                throw new FormatException("escaped bytes above \\x7f are not supported");
            }

            builder.Append((char)code);
        }
        else
        {
            if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            {
                throw new FormatException($"escape sequence is an invalid Unicode code point: {code.ToString("x", CultureInfo.InvariantCulture)}");
            }

            builder.Append(char.ConvertFromUtf32((int)code));
        }

        return start + digits;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
