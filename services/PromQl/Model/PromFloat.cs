using System.Globalization;
using System.Text;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// Floats written and read as Prometheus (Go) does: <see cref="Format"/> is <c>strconv.FormatFloat(v, 'f', -1, 64)</c>
/// (sample values in the API, <c>count_values</c> labels), <see cref="FormatG"/> is <c>%g</c>/<c>%v</c> (error and
/// warning texts), <see cref="TryParse"/> is <c>strconv.ParseFloat</c> for decimal text (<c>le</c> bounds).
/// </summary>
public static class PromFloat
{
    /// <summary>The shortest digits that read back as the same double, never in exponent form; <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string Format(double value)
    {
        if (Special(value) is { } special)
        {
            return special;
        }

        var (negative, digits, point) = Shortest(value);
        var builder = new StringBuilder(digits.Length + 8);
        if (negative)
        {
            builder.Append('-');
        }

        AppendFixed(builder, digits, point);
        return builder.ToString();
    }

    /// <summary>Go's <c>%g</c> with the shortest precision: exponent form (<c>1e+06</c>) when the decimal exponent is below -4 or at least 6.</summary>
    public static string FormatG(double value)
    {
        if (Special(value) is { } special)
        {
            return special;
        }

        var (negative, digits, point) = Shortest(value);
        var builder = new StringBuilder(digits.Length + 8);
        if (negative)
        {
            builder.Append('-');
        }

        // Go: with the shortest precision, %e is used when the exponent is < -4 or >= 6.
        var exponent = point - 1;
        if (exponent < -4 || exponent >= 6)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            builder.Append('e').Append(exponent < 0 ? '-' : '+');
            var magnitude = Math.Abs(exponent);
            if (magnitude < 10)
            {
                builder.Append('0');
            }

            builder.Append(magnitude.ToString(CultureInfo.InvariantCulture));
            return builder.ToString();
        }

        AppendFixed(builder, digits, point);
        return builder.ToString();
    }

    /// <summary>
    /// Reads a float as Go's <c>strconv.ParseFloat</c> reads decimal text: optional sign, digits with an optional
    /// point and exponent, or <c>Inf</c>/<c>Infinity</c>/<c>NaN</c> in any case; no surrounding spaces.
    /// </summary>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var unsigned = text[0] is '+' or '-' ? text.AsSpan(1) : text.AsSpan();
        var negative = text[0] == '-';
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        foreach (var c in unsigned)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or 'e' or 'E' or '+' or '-'))
            {
                return false;
            }
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    private static string? Special(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : null;

    /// <summary>The shortest round-trip digits (no leading or trailing zeros, "0" for zero) and where the point sits after them.</summary>
    private static (bool Negative, string Digits, int Point) Shortest(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = 0;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..exponentAt];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : text.Remove(dot, 1);
        var point = (dot < 0 ? text.Length : dot) + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        point -= leading;
        return digits.Length == 0 ? (negative, "0", 1) : (negative, digits, point);
    }

    private static void AppendFixed(StringBuilder builder, string digits, int point)
    {
        if (point <= 0)
        {
            builder.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            builder.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
    }
}
