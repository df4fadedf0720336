using System.Globalization;
using System.Text;

namespace AirisEpm.GoTemplates;

/// <summary>Go's <c>strconv.Quote</c> and <c>strconv.Unquote</c> (interpreted, raw and character literals).</summary>
public static class GoQuote
{
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                case < 0x20 or 0x7f: sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"); break;
                case var v when Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate:
                    sb.Append(v > 0xffff ? string.Create(CultureInfo.InvariantCulture, $"\\U{v:x8}") : string.Create(CultureInfo.InvariantCulture, $"\\u{v:x4}"));
                    break;
                default: sb.Append(rune.ToString()); break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Unquotes a Go string literal (<c>"…"</c> or <c>`…`</c>); false on bad syntax ("invalid syntax").</summary>
    public static bool TryUnquote(string literal, out string value)
    {
        value = "";
        if (literal.Length < 2) return false;
        if (literal[0] == '`')
        {
            if (literal[^1] != '`' || literal.AsSpan(1, literal.Length - 2).Contains('`')) return false;
            value = literal[1..^1].Replace("\r", "", StringComparison.Ordinal);
            return true;
        }

        if (literal[0] != '"' || literal[^1] != '"') return false;
        var sb = new StringBuilder();
        var body = literal[1..^1];
        for (var i = 0; i < body.Length;)
        {
            if (body[i] == '"' || body[i] == '\n') return false;
            if (body[i] != '\\')
            {
                sb.Append(body[i++]);
                continue;
            }

            if (!TryEscape(body, ref i, '"', sb)) return false;
        }

        value = sb.ToString();
        return true;
    }

    /// <summary>The code point of a Go character literal (<c>'a'</c>, <c>'\n'</c>, <c>'\u00e9'</c>).</summary>
    public static bool TryUnquoteChar(string literal, out int codePoint)
    {
        codePoint = 0;
        if (literal.Length < 3 || literal[0] != '\'' || literal[^1] != '\'') return false;
        var body = literal[1..^1];
        var sb = new StringBuilder();
        if (body[0] == '\\')
        {
            var i = 0;
            if (!TryEscape(body, ref i, '\'', sb) || i != body.Length) return false;
        }
        else
        {
            if (body == "'" || char.ConvertToUtf32(body, 0) is var cp && char.ConvertFromUtf32(cp).Length != body.Length) return false;
            sb.Append(body);
        }

        var text = sb.ToString();
        if (text.Length == 0) return false;
        codePoint = char.ConvertToUtf32(text, 0);
        return char.ConvertFromUtf32(codePoint).Length == text.Length;
    }

    private static bool TryEscape(string body, ref int i, char quote, StringBuilder sb)
    {
        if (i + 1 >= body.Length) return false;
        var c = body[i + 1];
        i += 2;
        switch (c)
        {
            case 'a': sb.Append('\a'); return true;
            case 'b': sb.Append('\b'); return true;
            case 'f': sb.Append('\f'); return true;
            case 'n': sb.Append('\n'); return true;
            case 'r': sb.Append('\r'); return true;
            case 't': sb.Append('\t'); return true;
            case 'v': sb.Append('\v'); return true;
            case '\\': sb.Append('\\'); return true;
            case var q when q == quote: sb.Append(q); return true;
            case 'x': return Hex(body, ref i, 2, sb, byteValue: true);
            case 'u': return Hex(body, ref i, 4, sb, byteValue: false);
            case 'U': return Hex(body, ref i, 8, sb, byteValue: false);
            case >= '0' and <= '7':
                if (i + 2 > body.Length) return false;
                var octal = body.Substring(i - 1, 3);
                if (octal.Any(d => d is < '0' or > '7')) return false;
                var v = Convert.ToInt32(octal, 8);
                if (v > 255) return false;
                sb.Append((char)v);
                i += 2;
                return true;
            default: return false;
        }
    }

    private static bool Hex(string body, ref int i, int length, StringBuilder sb, bool byteValue)
    {
        if (i + length > body.Length || !int.TryParse(body.AsSpan(i, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)) return false;
        if (!byteValue && (v > 0x10FFFF || v is >= 0xD800 and <= 0xDFFF)) return false;
        sb.Append(byteValue ? ((char)v).ToString() : char.ConvertFromUtf32(v));
        i += length;
        return true;
    }
}
