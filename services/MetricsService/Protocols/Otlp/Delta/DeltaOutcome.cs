namespace AirisEpm.MetricsService.Protocols.Otlp.Delta;

/// <summary>A delta point's running total, or why the point was rejected.</summary>
public readonly record struct DeltaOutcome<T>(T? Total, string? Problem)
    where T : class;
