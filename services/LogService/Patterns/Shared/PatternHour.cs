namespace AirisEpm.LogService.Patterns.Shared;

/// <summary>
/// What one replica counted of each pattern in one UTC hour, as kept in the Dapr state store (key
/// <c>patterns-{replica}-{hour}</c>): written only by that replica, read by every one.
/// </summary>
public sealed record PatternHour(string Replica, long HourMs, List<PatternHourEntry> Patterns);

/// <summary>One pattern's hour: its description when last seen there, and its counts per minute, service and level.</summary>
public sealed record PatternHourEntry(string Id, string Template, string Sample, long FirstSeenMs, long LastSeenMs, List<PatternMinuteCount> Minutes);

/// <summary>Records of one pattern and service in one minute of the hour (0–59), by level name.</summary>
public sealed record PatternMinuteCount(int Minute, string Service, Dictionary<string, long> Levels);
