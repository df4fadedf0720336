namespace AirisEpm.AlertService.Application;

/// <summary>
/// What the engine saves: the alerts, the silences and each group's notification log (what it last
/// told its receiver), so that a restart neither forgets an alert nor pages twice.
/// </summary>
public sealed record EngineSnapshot(
    IReadOnlyList<AlertRecord> Alerts,
    IReadOnlyList<SilenceRecord> Silences,
    IReadOnlyList<GroupRecord> Groups,
    DateTimeOffset SavedAt);

public sealed record AlertRecord(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset UpdatedAt,
    string? GeneratorUrl,
    bool Timeout);

public sealed record SilenceRecord(
    string Id,
    IReadOnlyList<MatcherRecord> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset UpdatedAt,
    string CreatedBy,
    string Comment);

public sealed record MatcherRecord(string Name, string Value, bool IsRegex, bool IsEqual);

/// <summary>
/// One integration's notification log entry in a group: fingerprints (hex) last notified firing and resolved.
/// <see cref="Integration"/> null (saved before the log was kept per integration) applies to every integration of the group.
/// </summary>
public sealed record GroupRecord(string Key, IReadOnlyList<string> Firing, IReadOnlyList<string> Resolved, DateTimeOffset At, string? Integration = null);
