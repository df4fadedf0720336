namespace AirisEpm.ServiceDefaults.Events;

/// <summary>Pub/sub topics of the integration events the services exchange.</summary>
public static class Topics
{
    public const string MetricsThresholdCrossed = "metrics.threshold-crossed";
    public const string LogsAnomalyDetected = "logs.anomaly-detected";
    public const string TracesAnomalyDetected = "traces.anomaly-detected";
    public const string AlertsRulesChanged = "alerts.rules-changed";

    /// <summary>Dead-letter topic paired with <paramref name="topic"/>.</summary>
    public static string DeadLetter(string topic) => topic + ".dead-letter";
}
