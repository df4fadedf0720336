namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>One configuration problem: where (a YAML-style path such as <c>route.routes[1].receiver</c>) and why.</summary>
public sealed record ConfigError(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>A configuration that cannot be used; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : FormatException("invalid alerting configuration: " + string.Join("; ", errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
