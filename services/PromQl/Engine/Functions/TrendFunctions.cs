using AirisEpm.PromQl.Engine.Evaluation;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>deriv and predict_linear: the least-squares line through the window's samples.</summary>
internal static class TrendFunctions
{
    /// <summary>The slope per second, the regression anchored at the first sample to keep precision.</summary>
    public static bool Deriv(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = 0;
        if (window.Length < 2)
        {
            return false;
        }

        (value, _) = LinearRegression(window, window[0].T);
        return true;
    }

    /// <summary>The line's value <c>Parameter</c> seconds after the evaluation time.</summary>
    public static bool PredictLinear(ReadOnlySpan<Point> window, in RangeStep step, out double value)
    {
        value = 0;
        if (window.Length < 2)
        {
            return false;
        }

        var (slope, intercept) = LinearRegression(window, step.Time);
        value = (slope * step.Parameter) + intercept;
        return true;
    }

    /// <summary>Prometheus's <c>linearRegression</c>: Kahan sums of x, y, xy, x²; a constant series has slope 0 (NaN if infinite).</summary>
    public static (double Slope, double Intercept) LinearRegression(ReadOnlySpan<Point> samples, long interceptTime)
    {
        double n = 0, sumX = 0, cX = 0, sumY = 0, cY = 0, sumXY = 0, cXY = 0, sumX2 = 0, cX2 = 0;
        var initY = samples[0].V;
        var constY = true;
        for (var i = 0; i < samples.Length; i++)
        {
            var sample = samples[i];
            if (constY && i > 0 && sample.V != initY)
            {
                constY = false;
            }

            n += 1.0;
            var x = (sample.T - interceptTime) / 1e3;
            KahanSum.Add(x, ref sumX, ref cX);
            KahanSum.Add(sample.V, ref sumY, ref cY);
            KahanSum.Add(x * sample.V, ref sumXY, ref cXY);
            KahanSum.Add(x * x, ref sumX2, ref cX2);
        }

        if (constY)
        {
            return double.IsInfinity(initY) ? (double.NaN, double.NaN) : (0, initY);
        }

        sumX += cX;
        sumY += cY;
        sumXY += cXY;
        sumX2 += cX2;
        var covXY = sumXY - (sumX * sumY / n);
        var varX = sumX2 - (sumX * sumX / n);
        var slope = covXY / varX;
        var intercept = (sumY / n) - (slope * sumX / n);
        return (slope, intercept);
    }
}
