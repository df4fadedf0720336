using System.Globalization;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Parser;

/// <summary>
/// Converts a number token as Prometheus does: Go's <c>strconv.ParseInt(s, 0, 64)</c> first (so <c>0x1f</c> is hex and
/// <c>0755</c> octal), then <c>strconv.ParseFloat</c>; underscores only between digits; errors in Go's words.
/// </summary>
internal static class NumberLiterals
{
    public static bool TryParse(string text, out double value, out string error)
    {
        error = "";
        if (TryParseInteger(text, out var integer))
        {
            value = integer;
            return true;
        }

        if (TryParseFloat(text, out value, out var outOfRange) && !outOfRange)
        {
            return true;
        }

        error = $"strconv.ParseFloat: parsing {PromQlString.Quote(text)}: {(outOfRange ? "value out of range" : "invalid syntax")}";
        return false;
    }

    private static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var numberBase = 10;
        var skip = 0;
        if (text[0] == '0')
        {
            var prefixed = text.Length >= 3 ? char.ToLowerInvariant(text[1]) : '\0';
            (numberBase, skip) = prefixed switch
            {
                'b' => (2, 2),
                'o' => (8, 2),
                'x' => (16, 2),
                _ => (8, 1),
            };
        }

        var digits = text.AsSpan(skip);

        ulong accumulated = 0;
        var sawUnderscore = false;
        foreach (var c in digits)
        {
            if (c == '_')
            {
                sawUnderscore = true;
                continue;
            }

            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= numberBase)
            {
                return false;
            }

            if (accumulated > (ulong.MaxValue - (ulong)digit) / (ulong)numberBase)
            {
                return false;
            }

            accumulated = (accumulated * (ulong)numberBase) + (ulong)digit;
        }

        if ((sawUnderscore && !UnderscoresSeparateDigits(text)) || accumulated > long.MaxValue)
        {
            return false;
        }

        value = (long)accumulated;
        return true;
    }

    private static bool TryParseFloat(string text, out double value, out bool outOfRange)
    {
        value = 0;
        outOfRange = false;
        var lower = text.ToLowerInvariant();
        if (lower is "inf" or "infinity")
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (lower == "nan")
        {
            value = double.NaN;
            return true;
        }

        // Go's hexadecimal floats need a 'p' exponent, which the lexer never lets through.
        if (lower.StartsWith("0x", StringComparison.Ordinal) || !IsDecimalFloat(text))
        {
            return false;
        }

        if (text.Contains('_', StringComparison.Ordinal) && !UnderscoresSeparateDigits(text))
        {
            return false;
        }

        value = double.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        outOfRange = double.IsInfinity(value);
        return true;
    }

    /// <summary><c>digits [. digits] [e [+-] digits]</c>, underscores allowed among digits, at least one mantissa digit.</summary>
    private static bool IsDecimalFloat(string text)
    {
        var i = 0;
        var mantissaDigits = 0;
        var sawDot = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                mantissaDigits++;
            }
            else if (c == '.' && !sawDot)
            {
                sawDot = true;
            }
            else if (c != '_')
            {
                break;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i == text.Length)
        {
            return true;
        }

        if (text[i] is not ('e' or 'E'))
        {
            return false;
        }

        i++;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var exponentDigits = 0;
        for (; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                exponentDigits++;
            }
            else if (text[i] != '_')
            {
                return false;
            }
        }

        return exponentDigits > 0;
    }

    /// <summary>Go's <c>underscoreOK</c>: each underscore sits between digits, or between a base prefix and a digit.</summary>
    private static bool UnderscoresSeparateDigits(string text)
    {
        var saw = '^';
        var i = 0;
        var hex = false;
        if (text.Length >= 2 && text[0] == '0' && char.ToLowerInvariant(text[1]) is 'b' or 'o' or 'x')
        {
            i = 2;
            saw = '0';
            hex = char.ToLowerInvariant(text[1]) == 'x';
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) || (hex && char.ToLowerInvariant(c) is >= 'a' and <= 'f'))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
                continue;
            }

            if (saw == '_')
            {
                return false;
            }

            saw = '!';
        }

        return saw != '_';
    }
}
