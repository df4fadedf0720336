using System.Globalization;
using System.Text;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Go's <c>strconv.FormatFloat(v, 'f', -1, 64)</c>: the shortest digits that read back as the same
/// double, never in exponent form (<c>1e21</c> is <c>1000000000000000000000</c>), with
/// <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c>. Loki writes sample values this way.
/// </summary>
public static class PlainNumber
{
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? shortest : Expand(shortest[..e], int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>Moves the point of <paramref name="mantissa"/> (such as <c>-1.25</c>) by <paramref name="exponent"/> places.</summary>
    private static string Expand(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        var unsigned = negative ? mantissa[1..] : mantissa;
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? unsigned : unsigned.Remove(point, 1);
        var position = (point < 0 ? unsigned.Length : point) + exponent;
        var builder = new StringBuilder();
        if (negative) builder.Append('-');
        if (position <= 0)
        {
            builder.Append("0.").Append('0', -position).Append(digits);
        }
        else if (position >= digits.Length)
        {
            builder.Append(digits).Append('0', position - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, position).Append('.').Append(digits, position, digits.Length - position);
        }

        return builder.ToString();
    }
}
