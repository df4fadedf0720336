using System.Globalization;
using System.Text;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// LogQL's string literals are Go's: double-quoted with escapes (<c>\" \\ \n \t \r \a \b \f \v
/// \xHH \ooo \uHHHH \UHHHHHHHH</c>) or back-quoted raw text. Printing uses PromQL's
/// <c>PromQlString.Quote</c> (Go's <c>strconv.Quote</c>, which Loki prints with), whose output this reads back.
/// A <c>\x</c> or octal escape gives the code point of its value (Go gives a raw byte; the two agree below 0x80).
/// </summary>
public static class GoStrings
{
    /// <summary>Decodes the body of a double-quoted literal; null with <paramref name="problem"/> when an escape is malformed.</summary>
    public static string? Unescape(ReadOnlySpan<char> body, out string? problem)
    {
        problem = null;
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= body.Length)
            {
                problem = "a string ends with a lone backslash";
                return null;
            }

            var e = body[i];
            switch (e)
            {
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case 'x' or 'u' or 'U':
                    var digits = e switch { 'x' => 2, 'u' => 4, _ => 8 };
                    if (body.Length - i - 1 < digits
                        || !int.TryParse(body.Slice(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        problem = $"\\{e} must be followed by {digits} hexadecimal digits";
                        return null;
                    }

                    if (!AppendCodePoint(builder, code))
                    {
                        problem = $"\\{e}{body.Slice(i + 1, digits)} is not a valid character";
                        return null;
                    }

                    i += digits;
                    break;
                case >= '0' and <= '7':
                    if (i + 2 >= body.Length || !IsOctal(body[i + 1]) || !IsOctal(body[i + 2]))
                    {
                        problem = "an octal escape takes three digits (\\ooo)";
                        return null;
                    }

                    var octal = ((e - '0') * 64) + ((body[i + 1] - '0') * 8) + (body[i + 2] - '0');
                    if (octal > 255)
                    {
                        problem = "an octal escape is at most \\377";
                        return null;
                    }

                    builder.Append((char)octal);
                    i += 2;
                    break;
                default:
                    problem = $"\\{e} is not a valid escape";
                    return null;
            }
        }

        return builder.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private static bool AppendCodePoint(StringBuilder builder, int code)
    {
        if (code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            return false;
        }

        builder.Append(char.ConvertFromUtf32(code));
        return true;
    }
}
