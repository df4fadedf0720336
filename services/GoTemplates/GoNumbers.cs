using System.Globalization;
using System.Numerics;

namespace AirisEpm.GoTemplates;

/// <summary>Go's number literal syntax as <c>strconv.ParseInt(s, 0, 64)</c> and <c>strconv.ParseFloat</c> read it (prefixes, underscores).</summary>
public static class GoNumbers
{
    public static bool TryParseInt(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        if (text.Length - body.Length > 1 || body.Length == 0) return false;
        var (radix, digits) = body.Length > 1 && body[0] == '0'
            ? char.ToLowerInvariant(body[1]) switch
            {
                'x' => (16, body[2..]),
                'o' => (8, body[2..]),
                'b' => (2, body[2..]),
                _ => (8, body[1..]),
            }
            : (10, body);
        var prefixed = radix != 10 && !(radix == 8 && body.Length > 1 && char.IsAsciiDigit(body[1]));
        if (!Underscores(digits, prefixed)) return false;
        digits = digits.Replace("_", "", StringComparison.Ordinal);
        if (digits.Length == 0) return false;
        BigInteger total = 0;
        foreach (var c in digits)
        {
            var d = c <= '9' ? c - '0' : char.ToLowerInvariant(c) - 'a' + 10;
            if (d < 0 || d >= radix) return false;
            total = total * radix + d;
        }

        if (negative) total = -total;
        if (total < long.MinValue || total > long.MaxValue) return false;
        value = (long)total;
        return true;
    }

    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        var body = text.TrimStart('+', '-');
        if (text.Length - body.Length > 1 || body.Length == 0) return false;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return TryParseHexFloat(text[0] == '-', body[2..], out value);
        if (!Underscores(body, prefixed: false)) return false;
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        if (clean.Any(c => !(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))) return false;
        if (!clean.Any(char.IsAsciiDigit)) return false;
        return double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);
    }

    private static bool TryParseHexFloat(bool negative, string body, out double value)
    {
        value = 0;
        var p = body.IndexOfAny(['p', 'P']);
        if (p < 0) return false;
        var mantissa = body[..p].Replace("_", "", StringComparison.Ordinal);
        if (!int.TryParse(body[(p + 1)..].Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)) return false;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        if (digits.Length == 0 || !BigInteger.TryParse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var m)) return false;
        var fraction = dot < 0 ? 0 : mantissa.Length - dot - 1;
        value = (double)m * Math.Pow(2, exponent - (4 * fraction));
        if (negative) value = -value;
        return !double.IsInfinity(value);
    }

    // Go allows '_' only between digits (or right after a base prefix).
    private static bool Underscores(string digits, bool prefixed)
    {
        if (!digits.Contains('_', StringComparison.Ordinal)) return true;
        for (var i = 0; i < digits.Length; i++)
        {
            if (digits[i] != '_') continue;
            var before = i == 0 ? prefixed : char.IsAsciiHexDigit(digits[i - 1]);
            var after = i + 1 < digits.Length && char.IsAsciiHexDigit(digits[i + 1]);
            if (!before || !after) return false;
        }

        return true;
    }
}
