using AirisEpm.AlertService.Domain.Correlation;

namespace AirisEpm.AlertService.Application;

/// <summary>What <see cref="IncidentCorrelation"/> decided for a firing group, what the incident should say, and the groups it read.</summary>
public sealed record IncidentPlan(IncidentDecision Decision, IReadOnlyList<string> Services, string? RootCause, IReadOnlyList<ActiveGroup> Groups);
