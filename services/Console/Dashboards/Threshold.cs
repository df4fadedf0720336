namespace AirisEpm.WebConsole.Dashboards;

/// <summary>From <see cref="Value"/> up, the panel draws in <see cref="Color"/> (a Grafana colour name or CSS colour).</summary>
public sealed record Threshold(double Value, string Color);
