namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>
/// Something unusual in <see cref="Service"/>'s logs over [<see cref="WindowStart"/>, <see cref="WindowEnd"/>):
/// <see cref="Kind"/> is <see cref="NewPattern"/> (a pattern never seen before, after the warm-up),
/// <see cref="PatternSpike"/> (a pattern's count far above its own baseline) or <see cref="ErrorRateSpike"/>
/// (the share of error lines far above the service's usual share; <see cref="PatternId"/> is then the
/// most frequent error pattern). <see cref="Count"/> was observed against an expected <see cref="Baseline"/>
/// (for the error rate both are fractions of lines); <see cref="Samples"/> are a few of the lines.
/// </summary>
[EventTopic(Topics.LogsAnomalyDetected)]
public sealed record LogsAnomalyDetected(
    string Service,
    string PatternId,
    string Template,
    long Count,
    double Baseline,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd) : IntegrationEvent
{
    public const string NewPattern = "new_pattern";
    public const string PatternSpike = "pattern_spike";
    public const string ErrorRateSpike = "error_rate_spike";

    public string Kind { get; init; } = PatternSpike;

    /// <summary>For <see cref="ErrorRateSpike"/>: the observed share of error lines (Count is then the number of errors).</summary>
    public double? ObservedRate { get; init; }

    public IReadOnlyList<string> Samples { get; init; } = [];
}
