namespace AirisEpm.LogService.Patterns;

/// <summary>The pattern a line was assigned: its id (see <see cref="PatternId"/>) and template at that moment.</summary>
public readonly record struct PatternMatch(string Id, string Template);
