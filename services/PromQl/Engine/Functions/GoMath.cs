namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>The few Go <c>math</c> functions whose special cases or rounding differ from .NET's.</summary>
internal static class GoMath
{
    private const double InverseLn2 = 1.4426950408889634;
    private const double Ln2OverLn10 = 0.30102999566398120;

    /// <summary>Go's <c>math.Max</c>: +Inf wins over NaN, +0 over -0.</summary>
    public static double Max(double x, double y)
    {
        if (double.IsPositiveInfinity(x) || double.IsPositiveInfinity(y))
        {
            return double.PositiveInfinity;
        }

        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        if (x == 0 && x == y)
        {
            return double.IsNegative(x) ? y : x;
        }

        return x > y ? x : y;
    }

    /// <summary>Go's <c>math.Min</c>: -Inf wins over NaN, -0 over +0.</summary>
    public static double Min(double x, double y)
    {
        if (double.IsNegativeInfinity(x) || double.IsNegativeInfinity(y))
        {
            return double.NegativeInfinity;
        }

        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        if (x == 0 && x == y)
        {
            return double.IsNegative(x) ? x : y;
        }

        return x < y ? x : y;
    }

    /// <summary>Go's <c>math.Log2</c>: exact for powers of two.</summary>
    public static double Log2(double x)
    {
        var (fraction, exponent) = Frexp(x);
        return fraction == 0.5 ? exponent - 1 : (Math.Log(fraction) * InverseLn2) + exponent;
    }

    /// <summary>Go's <c>math.Log10</c>, which is <c>Log2(x) * (Ln2/Ln10)</c>.</summary>
    public static double Log10(double x) => Log2(x) * Ln2OverLn10;

    /// <summary>Go's <c>math.Frexp</c>: x = fraction × 2^exponent with |fraction| in [0.5, 1).</summary>
    private static (double Fraction, int Exponent) Frexp(double x)
    {
        if (x == 0 || double.IsInfinity(x) || double.IsNaN(x))
        {
            return (x, 0);
        }

        var exponent = 0;
        if (Math.Abs(x) < 2.2250738585072014e-308)
        {
            x *= 1L << 52;
            exponent = -52;
        }

        var bits = BitConverter.DoubleToUInt64Bits(x);
        exponent += (int)((bits >> 52) & 0x7ff) - 1022;
        bits &= ~(0x7ffUL << 52);
        bits |= 1022UL << 52;
        return (BitConverter.UInt64BitsToDouble(bits), exponent);
    }
}
