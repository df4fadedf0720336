using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>Alerts judged to be one incident, with the suggested root cause (null when no alert names a service).</summary>
public sealed record CorrelatedIncident(
    IReadOnlyList<Fingerprint> Alerts,
    IReadOnlyList<string> GroupKeys,
    IReadOnlyList<string> Services,
    DateTimeOffset StartsAt,
    RootCauseSuggestion? RootCause);

/// <summary>The service most likely at fault and why it was chosen.</summary>
public sealed record RootCauseSuggestion(string Service, string Reason);
