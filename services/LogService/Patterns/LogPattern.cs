namespace AirisEpm.LogService.Patterns;

/// <summary>
/// One learned pattern as <see cref="PatternMiner.Patterns"/> reports it: id, template (variables written
/// <c>&lt;*&gt;</c>), lines matched, when the first and last of them were seen, and the first line itself
/// (cut to <see cref="PatternMinerOptions.MaxSampleLength"/>).
/// </summary>
public sealed record LogPattern(string Id, string Template, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string Sample);
