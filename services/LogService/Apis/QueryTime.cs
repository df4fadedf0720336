using System.Globalization;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// Times in query strings, as Loki's API takes them: RFC 3339, or a number of Unix seconds (with a
/// fraction), milliseconds, microseconds or nanoseconds, told apart by size.
/// </summary>
public static class QueryTime
{
    public static bool TryParseNs(string? text, out long ns)
    {
        ns = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return Domain.UnixTime.TryToNs(whole, out ns);
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

    public static string Format(long ns) =>
        DateTimeOffset.UnixEpoch.AddTicks(ns / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
