using System.Globalization;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>Formats bucket bounds and quantiles as Prometheus does for <c>le</c>/<c>quantile</c> label values.</summary>
public static class PrometheusFloat
{
    public static string Format(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        // Plain decimal notation ("0.005", "1000") where a decimal holds it exactly enough, like Go's FormatFloat(v, 'f', -1, 64).
        var magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-15 && magnitude < 1e15))
        {
            return ((decimal)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
