using AirisEpm.AlertService.Domain.Alerts;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>The result of one evaluation: the new state and the alerts to post (firing or resolved).</summary>
public sealed record RuleStep(RuleState State, IReadOnlyList<PostedAlert> Alerts);
