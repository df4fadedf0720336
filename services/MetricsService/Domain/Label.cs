namespace AirisEpm.MetricsService.Domain;

/// <summary>One label of a series.</summary>
public readonly record struct Label(string Name, string Value);
