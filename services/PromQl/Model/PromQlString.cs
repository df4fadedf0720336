using System.Globalization;
using System.Text;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// Quoting and unquoting of PromQL strings and label values: Go's <c>strconv.Quote</c> rules for printing,
/// Prometheus's <c>strutil.Unquote</c> rules (<c>"..."</c>, <c>'...'</c> with Go escapes, raw <c>`...`</c>) for reading.
/// </summary>
public static class PromQlString
{
    /// <summary>Double-quotes and escapes as Go's <c>strconv.Quote</c>: non-printable runes become <c>\x</c>, <c>\u</c> or <c>\U</c> escapes.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            AppendEscaped(builder, rune, '"');
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Single-quotes one rune as Go's <c>strconv.QuoteRune</c> (<c>'x'</c>, <c>'\n'</c>, <c>'\''</c>).</summary>
    public static string QuoteRune(Rune rune)
    {
        var builder = new StringBuilder(8).Append('\'');
        AppendEscaped(builder, rune, '\'');
        return builder.Append('\'').ToString();
    }

    /// <summary>Unquotes a PromQL string literal, quotes included; throws <see cref="FormatException"/> ("invalid syntax") when it is not one.</summary>
    public static string Unquote(string quoted) =>
        TryUnquote(quoted, out var value, out _) ? value : throw new FormatException("invalid syntax");

    /// <summary>
    /// Unquotes a literal. Like Go, <c>\x</c> and octal escapes yield single bytes, so they may form invalid UTF-8:
    /// such bytes become U+FFFD and <paramref name="validUtf8"/> is false.
    /// </summary>
    public static bool TryUnquote(string quoted, out string value, out bool validUtf8)
    {
        value = "";
        validUtf8 = true;
        if (quoted.Length < 2 || quoted[0] != quoted[^1])
        {
            return false;
        }

        var quote = quoted[0];
        var body = quoted[1..^1];
        if (quote == '`')
        {
            value = body;
            return !body.Contains('`', StringComparison.Ordinal);
        }

        if ((quote != '"' && quote != '\'') || body.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        var bytes = new List<byte>(body.Length);
        var position = 0;
        while (position < body.Length)
        {
            if (!TryUnquoteOne(body, ref position, quote, bytes))
            {
                return false;
            }
        }

        var array = bytes.ToArray();
        value = Encoding.UTF8.GetString(array);
        validUtf8 = IsValidUtf8(array);
        return true;
    }

    private static bool TryUnquoteOne(string body, ref int position, char quote, List<byte> bytes)
    {
        var c = body[position];
        if (c == quote)
        {
            return false;
        }

        if (c != '\\')
        {
            var length = char.IsSurrogatePair(body, position) ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(body.Substring(position, length)));
            position += length;
            return true;
        }

        if (position + 1 >= body.Length)
        {
            return false;
        }

        var escape = body[position + 1];
        position += 2;
        switch (escape)
        {
            case 'a': bytes.Add(0x07); return true;
            case 'b': bytes.Add(0x08); return true;
            case 'f': bytes.Add(0x0c); return true;
            case 'n': bytes.Add(0x0a); return true;
            case 'r': bytes.Add(0x0d); return true;
            case 't': bytes.Add(0x09); return true;
            case 'v': bytes.Add(0x0b); return true;
            case '\\': bytes.Add((byte)'\\'); return true;
            case 'x': return TryHex(body, ref position, 2, bytes, singleByte: true);
            case 'u': return TryHex(body, ref position, 4, bytes, singleByte: false);
            case 'U': return TryHex(body, ref position, 8, bytes, singleByte: false);
            case >= '0' and <= '7':
                if (position + 2 > body.Length)
                {
                    return false;
                }

                var octal = escape - '0';
                for (var i = 0; i < 2; i++)
                {
                    var digit = body[position + i] - '0';
                    if (digit is < 0 or > 7)
                    {
                        return false;
                    }

                    octal = (octal * 8) + digit;
                }

                position += 2;
                if (octal > 255)
                {
                    return false;
                }

                bytes.Add((byte)octal);
                return true;
            default:
                if (escape == quote)
                {
                    bytes.Add((byte)quote);
                    return true;
                }

                return false;
        }
    }

    private static bool TryHex(string body, ref int position, int digits, List<byte> bytes, bool singleByte)
    {
        if (position + digits > body.Length ||
            !uint.TryParse(body.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        position += digits;
        if (singleByte)
        {
            bytes.Add((byte)code);
            return true;
        }

        if (!Rune.IsValid(code))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[4];
        var written = new Rune(code).EncodeToUtf8(buffer);
        bytes.AddRange(buffer[..written].ToArray());
        return true;
    }

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static void AppendEscaped(StringBuilder builder, Rune rune, char quote)
    {
        if (rune.Value == quote || rune.Value == '\\')
        {
            builder.Append('\\').Append((char)rune.Value);
            return;
        }

        if (IsPrint(rune))
        {
            builder.Append(rune.ToString());
            return;
        }

        switch (rune.Value)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        var hex = rune.Value switch
        {
            < 0x20 or 0x7f => "\\x" + rune.Value.ToString("x2", CultureInfo.InvariantCulture),
            < 0x10000 => "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture),
            _ => "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture),
        };
        builder.Append(hex);
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    internal static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }
}
