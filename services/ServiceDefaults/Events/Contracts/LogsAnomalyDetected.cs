namespace AirisEpm.ServiceDefaults.Events.Contracts;

/// <summary>
/// A log pattern of <see cref="Service"/> (Drain cluster <see cref="PatternId"/>, its
/// <see cref="Template"/>) occurred <see cref="Count"/> times in the window against a usual
/// <see cref="Baseline"/>.
/// </summary>
[EventTopic(Topics.LogsAnomalyDetected)]
public sealed record LogsAnomalyDetected(
    string Service,
    string PatternId,
    string Template,
    long Count,
    double Baseline,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd) : IntegrationEvent;
