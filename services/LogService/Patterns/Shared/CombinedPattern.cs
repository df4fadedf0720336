namespace AirisEpm.LogService.Patterns.Shared;

/// <summary>One pattern over every replica in a window: its records, by level and per interval (<see cref="PatternCombiner"/>).</summary>
public sealed record CombinedPattern(
    string Id, string Template, long Count, long FirstSeenMs, long LastSeenMs, string Sample, IReadOnlyDictionary<string, long> ByLevel, IReadOnlyList<long> Counts);
