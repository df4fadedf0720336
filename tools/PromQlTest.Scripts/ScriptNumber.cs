using System.Globalization;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// A scalar expectation as promqltest reads it: an integer in Go's base-0 syntax (<c>12</c>, <c>-0x1f</c>,
/// <c>0o17</c>, <c>0b101</c>, <c>017</c> octal) or a float (<c>1.5e3</c>, <c>Inf</c>, <c>-Infinity</c>, <c>NaN</c>).
/// </summary>
public static class ScriptNumber
{
    public static bool TryParse(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        if (text.Length == 0 || text.Trim().Length != text.Length)
        {
            return false;
        }

        var sign = text[0] is '-' ? -1.0 : 1.0;
        var body = text[0] is '-' or '+' ? text[1..] : text;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (TryParseInteger(body, out var integer))
        {
            value = sign * integer;
            return true;
        }

        // Decimal floats only (no thousands separators, no whitespace); "Infinity" and "NaN" were handled above.
        if (body.Length > 0 && (char.IsAsciiDigit(body[0]) || body[0] == '.')
            && double.TryParse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            value = sign * parsed;
            return true;
        }

        return false;
    }

    private static bool TryParseInteger(string body, out double value)
    {
        value = 0;
        var (radix, digits) = body.Length > 1 && body[0] == '0'
            ? char.ToLowerInvariant(body[1]) switch
            {
                'x' => (16, body[2..]),
                'o' => (8, body[2..]),
                'b' => (2, body[2..]),
                _ => (8, body[1..]),
            }
            : (10, body);
        if (digits.Length == 0 || digits.Length > 64)
        {
            return false;
        }

        ulong total = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            try
            {
                total = checked((total * (ulong)radix) + (ulong)digit);
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        // Go's ParseInt stops at int64; larger integers fall through to the float reading.
        if (total > long.MaxValue)
        {
            return false;
        }

        value = total;
        return true;
    }
}
