using AirisEpm.AlertService.Domain.Rules;

namespace AirisEpm.AlertService.Rules;

/// <summary>A rule as the API answers it. <see cref="Streaming"/>: also checked on ingest by metrics-service.</summary>
public sealed record RuleView(string Id, RuleDocument Rule, bool Streaming)
{
    public static RuleView From(StoredRule stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var definition = RuleDocumentMapper.Map(stored.Id, stored.Rule).Rule;
        return new RuleView(stored.Id, stored.Rule, definition is not null && StreamingRuleProjection.Project(definition) is not null);
    }
}

/// <summary>A rule actor's state: phase inactive/pending/firing, health unknown/ok/no_data/failed.</summary>
public sealed record RuleStateView(
    string RuleId,
    string Phase,
    string Health,
    DateTimeOffset? PendingSince,
    DateTimeOffset? FiringSince,
    DateTimeOffset? KeepFiringSince,
    double? LastValue,
    DateTimeOffset? LastEvaluatedAt,
    string? LastError,
    int ConsecutiveFailures)
{
    public static RuleStateView From(string ruleId, RuleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new RuleStateView(
            ruleId,
            state.Phase.ToString().ToLowerInvariant(),
            state.Health == RuleHealth.NoData ? "no_data" : state.Health.ToString().ToLowerInvariant(),
            state.ActiveSince,
            state.FiringSince,
            state.KeepFiringSince,
            state.LastValue,
            state.LastEvaluatedAt,
            state.LastError,
            state.ConsecutiveFailures);
    }
}
