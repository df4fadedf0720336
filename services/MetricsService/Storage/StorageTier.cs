namespace AirisEpm.MetricsService.Storage;

/// <summary>Where samples live: raw as written, or rolled up per minute or per hour.</summary>
public enum StorageTier
{
    Raw,
    Minute,
    Hour,
}

public static class StorageTiers
{
    /// <summary>The width of one rollup bucket (raw samples have none).</summary>
    public static long BucketMs(this StorageTier tier) => tier switch
    {
        StorageTier.Minute => 60_000,
        StorageTier.Hour => 3_600_000,
        _ => 1,
    };

    public static string Label(this StorageTier tier) => tier switch
    {
        StorageTier.Minute => "1m",
        StorageTier.Hour => "1h",
        _ => "raw",
    };

    public static bool TryParse(string? text, out StorageTier tier)
    {
        tier = text switch
        {
            "raw" => StorageTier.Raw,
            "1m" => StorageTier.Minute,
            "1h" => StorageTier.Hour,
            _ => (StorageTier)(-1),
        };
        return Enum.IsDefined(tier);
    }
}
