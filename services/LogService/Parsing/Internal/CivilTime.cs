namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Calendar fields to Unix nanoseconds by arithmetic (Howard Hinnant's days_from_civil), with every
/// field range-checked, so no timestamp text can make parsing throw. Years are limited to what a
/// signed 64-bit nanosecond count holds (1678-2261).
/// </summary>
internal static class CivilTime
{
    public const int MinYear = 1678;
    public const int MaxYear = 2261;
    private const long NsPerSecond = 1_000_000_000;

    public static bool TryToUnixNs(int year, int month, int day, int hour, int minute, int second, long fractionNs, int offsetMinutes, out long ns)
    {
        ns = 0;
        // Second 60 is a leap second as syslog and ISO 8601 allow; it lands on the next minute's 00.
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60 || fractionNs is < 0 or >= NsPerSecond
            || offsetMinutes is < -18 * 60 or > 18 * 60)
        {
            return false;
        }
        var seconds = DaysFromCivil(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offsetMinutes * 60L;
        ns = seconds * NsPerSecond + fractionNs;
        return true;
    }

    /// <summary>The UTC calendar year of a Unix-ns instant.</summary>
    public static int YearOf(long unixNs) => DateTimeOffset.UnixEpoch.AddTicks(unixNs / 100).Year;

    /// <summary>Midnight UTC of the day holding <paramref name="unixNs"/>.</summary>
    public static long DayStartNs(long unixNs)
    {
        const long nsPerDay = 86_400 * NsPerSecond;
        var day = unixNs / nsPerDay;
        if (unixNs % nsPerDay < 0) day--;
        return day * nsPerDay;
    }

    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
