using System.Globalization;

namespace AirisEpm.ServiceDefaults.Text;

/// <summary>
/// Unix times whose unit is told apart by size, as producers and Loki's API send them: seconds until 2286
/// stay under 1e10, milliseconds under 1e13, microseconds under 1e16, the rest is nanoseconds. Query
/// strings also take RFC 3339 and fractional seconds. (Prometheus's API is different: Unix seconds only.)
/// </summary>
public static class UnixTime
{
    /// <summary>Nanoseconds per unit of a number of that size.</summary>
    public static long NanosecondsPerUnit(double value) => value switch { < 1e10 => 1_000_000_000, < 1e13 => 1_000_000, < 1e16 => 1_000, _ => 1 };

    /// <summary>The whole number in nanoseconds; false when that does not fit a long (after April 2262).</summary>
    public static bool TryToNs(long whole, out long ns)
    {
        var scale = NanosecondsPerUnit(whole);
        ns = whole <= long.MaxValue / scale ? whole * scale : 0;
        return whole <= long.MaxValue / scale;
    }

    /// <summary>A time in a query string: RFC 3339, or Unix seconds (with a fraction), ms, µs or ns by size.</summary>
    public static bool TryParseQueryNs(string? text, out long ns)
    {
        ns = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return TryToNs(whole, out ns);
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds < 9e9)
        {
            ns = (long)Math.Round(seconds * 1e9);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at > DateTimeOffset.UnixEpoch)
        {
            ns = (at.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) * 100;
            return true;
        }

        return false;
    }

    /// <summary>RFC 3339 in UTC with 100 ns precision, the form answers carry.</summary>
    public static string FormatRfc3339(long ns) =>
        DateTimeOffset.UnixEpoch.AddTicks(ns / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
