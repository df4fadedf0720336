namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>
/// An operation of <see cref="Service"/> departed from its baseline at <see cref="At"/>.
/// <see cref="Kind"/> is "latency" (values in milliseconds, p95) or "error-rate" (a 0..1 ratio).
/// </summary>
[EventTopic(Topics.TracesAnomalyDetected)]
public sealed record TracesAnomalyDetected(
    string Service,
    string Operation,
    string Kind,
    double Value,
    double Baseline,
    DateTimeOffset At) : IntegrationEvent
{
    public const string Latency = "latency";
    public const string ErrorRate = "error-rate";
}
