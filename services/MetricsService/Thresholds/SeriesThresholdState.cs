namespace AirisEpm.MetricsService.Thresholds;

/// <summary>
/// Where one series stands against one rule. Inactive series are not kept. <see cref="FiredAtMs"/>
/// and <see cref="LastSentMs"/> are 0 until the series fires (and in snapshots older than them).
/// </summary>
public sealed record SeriesThresholdState(
    string RuleId,
    long SeriesId,
    IReadOnlyDictionary<string, string> Labels,
    bool Firing,
    long SinceMs,
    double LastValue,
    long FiredAtMs = 0,
    long LastSentMs = 0);
