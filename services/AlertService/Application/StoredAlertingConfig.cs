namespace AirisEpm.AlertService.Application;

/// <summary>
/// The routing configuration as saved: its YAML (the source of truth, secret fields as encrypted
/// envelopes, see <see cref="AlertingConfigSecrets"/>) and when it changed.
/// </summary>
public sealed record StoredAlertingConfig(string Yaml, DateTimeOffset UpdatedAt, string UpdatedBy);
