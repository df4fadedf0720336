namespace AirisEpm.AlertService.Incidents;

/// <summary>Every alert of one of an incident's groups resolved; <see cref="By"/> says who resolves the incident if it was the last.</summary>
public sealed record GroupResolution(string GroupKey, string By);
