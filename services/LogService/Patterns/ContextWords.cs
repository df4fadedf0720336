using System.Collections.Frozen;

namespace AirisEpm.LogService.Patterns;

/// <summary>
/// Words that are variables only beside a number: month and weekday names in a timestamp
/// (<c>Fri Jun 17 07:07:00 2005</c>, <c>17 Jun</c>) and units after a number (<c>12 KB</c>, <c>300 ms</c>).
/// Names are matched as written in timestamps (<c>Jun</c>, <c>JUN</c>, <c>June</c>), never lower case,
/// so words such as <c>may</c> and <c>sun</c> are left alone; units are matched exactly.
/// </summary>
internal static class ContextWords
{
    private static readonly FrozenSet<string> DateWords = Capitalised(
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
        ["B", "KB", "kB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "ns", "us", "µs", "ms", "s"], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DateLookup = DateWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A month or weekday name: a variable when a number or another date word follows, or a number precedes.</summary>
    public static bool IsDateWord(ReadOnlySpan<char> core) => core.Length is >= 3 and <= 9 && char.IsAsciiLetterUpper(core[0]) && DateLookup.Contains(core);

    /// <summary>A unit: a variable when a number precedes it.</summary>
    public static bool IsUnit(ReadOnlySpan<char> core) => core.Length is >= 1 and <= 3 && UnitLookup.Contains(core);

    private static FrozenSet<string> Capitalised(params string[] words) =>
        words.SelectMany(w => new[] { w, w.ToUpperInvariant() }).ToFrozenSet(StringComparer.Ordinal);
}
