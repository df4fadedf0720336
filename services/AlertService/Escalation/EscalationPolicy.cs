namespace AirisEpm.AlertService.Escalation;

/// <summary>
/// Who is paged, and when, while an incident stays unacknowledged: steps in order, each
/// <see cref="EscalationStep.After"/> the incident started; then the whole ladder again
/// <see cref="Repeat"/> times, each round starting after the last step's delay.
/// </summary>
public sealed record EscalationPolicy(string Name, IReadOnlyList<EscalationStep> Steps, int Repeat = 0, string? Description = null);

/// <summary>One rung: after this long since the incident (or the round) started, notify these receivers.</summary>
public sealed record EscalationStep(TimeSpan After, IReadOnlyList<string> Receivers);
