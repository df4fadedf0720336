namespace AirisEpm.AlertService.Application;

/// <summary>When this process started serving (API v2 status <c>uptime</c> is that instant).</summary>
public sealed record ServiceUptime(DateTimeOffset StartedAt);
