namespace AirisEpm.MetricsService.Thresholds;

/// <summary>Where one series stands against one rule. Inactive series are not kept.</summary>
public sealed record SeriesThresholdState(
    string RuleId,
    long SeriesId,
    IReadOnlyDictionary<string, string> Labels,
    bool Firing,
    long SinceMs,
    double LastValue);
