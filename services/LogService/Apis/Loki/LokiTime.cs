using System.Globalization;

namespace AirisEpm.LogService.Apis.Loki;

/// <summary>How Loki writes sample times: Unix seconds as a JSON number with millisecond precision (Prometheus's <c>model.Time</c>), <c>1700000000.123</c>.</summary>
public static class LokiTime
{
    public static string Seconds(long ns)
    {
        var ms = Math.DivRem(ns, 1_000_000L).Quotient;
        var (seconds, fraction) = Math.DivRem(ms, 1000L);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1000;
        }

        return fraction == 0
            ? seconds.ToString(CultureInfo.InvariantCulture)
            : $"{seconds.ToString(CultureInfo.InvariantCulture)}.{fraction.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0')}";
    }
}
