namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>
/// A series crossed a streaming threshold rule. <see cref="State"/> is "firing" or "resolved".
/// </summary>
[EventTopic(Topics.MetricsThresholdCrossed)]
public sealed record ThresholdCrossed(
    string RuleId,
    string MetricName,
    IReadOnlyDictionary<string, string> SeriesLabels,
    double Value,
    double Threshold,
    string State,
    DateTimeOffset At) : IntegrationEvent
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";
}
