namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

/// <summary>Both answers to one <see cref="ParityCase"/>, the first difference (null when equal) and how long ours took.</summary>
public sealed record ParityOutcome(PromAnswer Prometheus, PromAnswer Ours, string? Difference, TimeSpan Elapsed);
