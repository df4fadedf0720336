using System.Globalization;
using System.Numerics;
using System.Text;

namespace AirisEpm.GoTemplates;

/// <summary>
/// Go's <c>strconv.FormatFloat</c> for the formats <c>e</c>, <c>f</c> and <c>g</c>: a fixed precision is rounded
/// half to even on the double's exact decimal value (as Go does; .NET rounds ties away from zero), precision -1
/// gives the shortest digits that read back the same. <c>%v</c> and <c>%.4g</c> (Prometheus's humanize) come from here.
/// </summary>
public static class GoFloat
{
    public static string Format(double value, char format, int precision)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        var negative = double.IsNegative(value);
        var abs = Math.Abs(value);
        var shortest = precision < 0;
        string digits;
        int point;
        if (shortest)
        {
            (digits, point) = Shortest(abs);
        }
        else
        {
            var (exact, exactPoint) = Exact(abs);
            var keep = format switch
            {
                'e' or 'E' => precision + 1,
                'f' or 'F' => exactPoint + precision,
                _ => precision == 0 ? 1 : precision,
            };
            (digits, point) = Round(exact, exactPoint, keep);
        }

        var body = format switch
        {
            'e' or 'E' => FormatE(digits, point, shortest ? Math.Max(digits.Length - 1, 0) : precision, format),
            'f' or 'F' => FormatF(digits, point, shortest ? Math.Max(digits.Length - point, 0) : precision),
            _ => FormatG(digits, point, precision, shortest, format == 'G' ? 'E' : 'e'),
        };
        return negative ? "-" + body : body;
    }

    private static string FormatG(string digits, int point, int precision, bool shortest, char e)
    {
        var nd = digits == "0" ? 1 : digits.Length;
        var eprec = shortest ? 6 : (precision == 0 ? 1 : precision);
        if (!shortest && eprec > nd && nd >= point) eprec = nd;
        var exp = point - 1;
        if (digits == "0") exp = 0;
        if (exp < -4 || exp >= eprec)
        {
            return FormatE(digits, point, nd - 1, e);
        }

        return FormatF(digits, point, Math.Max(nd - point, 0));
    }

    private static string FormatE(string digits, int point, int decimals, char e)
    {
        var sb = new StringBuilder();
        sb.Append(digits[0]);
        if (decimals > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= decimals; i++) sb.Append(i < digits.Length ? digits[i] : '0');
        }

        var exp = digits == "0" ? 0 : point - 1;
        sb.Append(e).Append(exp < 0 ? '-' : '+');
        var magnitude = Math.Abs(exp);
        if (magnitude < 10) sb.Append('0');
        return sb.Append(magnitude.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string FormatF(string digits, int point, int decimals)
    {
        var sb = new StringBuilder(Math.Max(point, 1) + decimals + 2);
        if (point <= 0)
        {
            sb.Append('0');
        }
        else
        {
            var whole = Math.Min(point, digits.Length);
            sb.Append(digits, 0, whole).Append('0', point - whole);
        }

        if (decimals > 0)
        {
            // The fraction: zeros up to the first digit, the digits after the point, zeros to the precision.
            sb.Append('.');
            var zeros = Math.Min(decimals, Math.Max(-point, 0));
            sb.Append('0', zeros);
            var from = Math.Max(point, 0);
            var count = Math.Clamp(Math.Min(digits.Length, point + decimals) - from, 0, decimals - zeros);
            sb.Append(digits, from, count).Append('0', decimals - zeros - count);
        }

        return sb.ToString();
    }

    /// <summary>The exact decimal digits of a non-negative double (no leading zeros) and the position of the point after them.</summary>
    private static (string Digits, int Point) Exact(double value)
    {
        if (value == 0) return ("0", 1);
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1;
        else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger n;
        int point;
        if (exponent >= 0)
        {
            n = new BigInteger(mantissa) << exponent;
            var text = n.ToString(CultureInfo.InvariantCulture);
            return (text.TrimEnd('0') is { Length: > 0 } t ? t : "0", text.Length);
        }

        n = new BigInteger(mantissa) * BigInteger.Pow(5, -exponent);
        var s = n.ToString(CultureInfo.InvariantCulture);
        point = s.Length + exponent;
        return (s.TrimEnd('0'), point);
    }

    /// <summary>Rounds to <paramref name="keep"/> significant digits, half to even on the exact value.</summary>
    private static (string Digits, int Point) Round(string digits, int point, int keep)
    {
        if (keep < 0) return ("0", 1);
        if (keep >= digits.Length) return (digits, point);
        var roundUp = digits[keep] > '5' || (digits[keep] == '5' && (keep + 1 < digits.Length || (keep > 0 && (digits[keep - 1] - '0') % 2 == 1)));
        var kept = digits[..keep].ToCharArray();
        if (roundUp)
        {
            var i = kept.Length - 1;
            while (i >= 0 && kept[i] == '9') kept[i--] = '0';
            if (i < 0) return ("1", point + 1);
            kept[i]++;
        }

        var result = new string(kept).TrimEnd('0');
        return result.Length == 0 ? ("0", 1) : (result, point);
    }

    private static (string Digits, int Point) Shortest(double value)
    {
        if (value == 0) return ("0", 1);
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = r.IndexOf('E', StringComparison.Ordinal);
        var exponent = 0;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(r.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..exponentAt];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? r : r.Remove(dot, 1);
        var point = (dot < 0 ? r.Length : dot) + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0') leading++;
        return (digits[leading..].TrimEnd('0'), point - leading);
    }
}
