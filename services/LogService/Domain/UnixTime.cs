namespace AirisEpm.LogService.Domain;

/// <summary>
/// A Unix time whose unit is told apart by its size, as producers and Loki's API send them: seconds
/// until 2286 stay under 1e10, milliseconds under 1e13, microseconds under 1e16, the rest is nanoseconds.
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
}
