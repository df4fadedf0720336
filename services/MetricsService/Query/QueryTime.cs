using System.Globalization;

namespace AirisEpm.MetricsService.Query;

/// <summary>A query time as Prometheus accepts it: RFC 3339 or Unix seconds (fractions allowed).</summary>
public static class QueryTime
{
    public static bool TryParseMs(string? text, out long milliseconds)
    {
        milliseconds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (!double.IsFinite(seconds) || Math.Abs(seconds) > 253_402_300_799)
            {
                return false;
            }

            milliseconds = (long)Math.Round(seconds * 1000);
            return true;
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            milliseconds = time.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }
}
