namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>A secret field found in a document: its path (<c>receivers[2].webhook_configs[0].url</c>) and its value as written.</summary>
public sealed record SecretField(string Path, string Value);
