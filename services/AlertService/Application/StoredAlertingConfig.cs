namespace AirisEpm.AlertService.Application;

/// <summary>The routing configuration as saved: its YAML (the source of truth) and when it changed.</summary>
public sealed record StoredAlertingConfig(string Yaml, DateTimeOffset UpdatedAt, string UpdatedBy);
