namespace AirisEpm.DaprTestSidecar.State;

/// <summary>A stored value with its version (the ETag) and optional expiry.</summary>
public sealed record StateEntry(byte[] Value, long Version, DateTimeOffset? ExpiresAt)
{
    public string ETag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public enum Concurrency
{
    Unspecified,
    FirstWrite,
    LastWrite,
}

/// <summary>One upsert or delete, as in SaveState, DeleteState and transactions.</summary>
public sealed record StateWrite(string Key, byte[]? Value, string? ETag, Concurrency Concurrency, TimeSpan? Ttl)
{
    public bool IsDelete => Value is null;
}
