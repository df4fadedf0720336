namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// The UTC calendar fields of a Unix time in whole seconds, for any range of years (Hinnant's days-to-civil
/// algorithm; no DateTime range limits).
/// </summary>
internal readonly record struct CivilTime(long Year, int Month, int Day, int Hour, int Minute, int DayOfWeek, int DayOfYear, int DaysInMonth)
{
    public static CivilTime FromUnixSeconds(long seconds)
    {
        var days = FloorDiv(seconds, 86_400);
        var secondOfDay = seconds - (days * 86_400);
        var z = days + 719_468;
        var era = FloorDiv(z, 146_097);
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYearFromMarch = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthFromMarch = ((5 * dayOfYearFromMarch) + 2) / 153;
        var day = (int)(dayOfYearFromMarch - (((153 * monthFromMarch) + 2) / 5) + 1);
        var month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        var year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        var leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int[] cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        int[] lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        var dayOfYear = cumulative[month - 1] + day + (leap && month > 2 ? 1 : 0);
        var daysInMonth = lengths[month - 1] + (leap && month == 2 ? 1 : 0);
        var dayOfWeek = (int)FloorMod(days + 4, 7); // 1970-01-01 was a Thursday.
        return new CivilTime(year, month, day, (int)(secondOfDay / 3600), (int)(secondOfDay % 3600 / 60), dayOfWeek, dayOfYear, daysInMonth);
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b) < 0 ? 1 : 0);

    private static long FloorMod(long a, long b) => ((a % b) + b) % b;
}
