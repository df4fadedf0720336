using System.Globalization;
using AirisEpm.GoTemplates;

namespace AirisEpm.PromQl.Model;

/// <summary>
/// Floats written and read as Prometheus (Go) does, through Go's own formatting (<see cref="GoFloat"/>): <see cref="Format"/> is <c>strconv.FormatFloat(v, 'f', -1, 64)</c>
/// (sample values in the API, <c>count_values</c> labels), <see cref="FormatG"/> is <c>%g</c>/<c>%v</c> (error and
/// warning texts), <see cref="TryParse"/> is <c>strconv.ParseFloat</c> for decimal text (<c>le</c> bounds).
/// </summary>
public static class PromFloat
{
    /// <summary>The shortest digits that read back as the same double, never in exponent form; <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string Format(double value) => GoFloat.Format(value, 'f', -1);

    /// <summary>Go's <c>%g</c> with the shortest precision: exponent form (<c>1e+06</c>) when the decimal exponent is below -4 or at least 6.</summary>
    public static string FormatG(double value) => GoFloat.Format(value, 'g', -1);

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
}
