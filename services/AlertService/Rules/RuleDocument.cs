namespace AirisEpm.AlertService.Rules;

/// <summary>
/// A rule as the API receives and the state store keeps it: plain strings, so a stored rule
/// survives changes to the domain types. <see cref="RuleDocumentMapper"/> turns it into a
/// <c>RuleDefinition</c>. Durations use Prometheus syntax (<c>30s</c>, <c>5m</c>, <c>1h30m</c>).
/// </summary>
public sealed record RuleDocument
{
    public string? Name { get; init; }

    /// <summary>critical, warning or info.</summary>
    public string? Severity { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Templates such as <c>{{ $labels.service }} at {{ $value }}</c>.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>How long the condition must hold before firing; default 0s.</summary>
    public string? For { get; init; }

    /// <summary>How long a firing alert stays after the condition stops holding; default 0s.</summary>
    public string? KeepFiringFor { get; init; }

    /// <summary>Default 1m, Prometheus's default global evaluation_interval.</summary>
    public string? EvaluationInterval { get; init; }

    /// <summary>keep_last_state (default) or inactive.</summary>
    public string? NoData { get; init; }

    public ConditionDocument? Condition { get; init; }

    /// <summary>
    /// Instead of <see cref="Condition"/>: a PromQL expression evaluated as a Prometheus alerting rule through
    /// metrics-service's <c>/api/v1/query</c>, one alert per output series; labels and annotations are then Go templates
    /// with Prometheus's functions (<c>{{ $value | humanize }}</c>, <c>printf</c>, ...).
    /// </summary>
    public string? Expr { get; init; }
}
