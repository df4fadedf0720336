namespace AirisEpm.AlertService.Rules;

/// <summary>A rule as persisted, with the state store's ETag of that version.</summary>
public sealed record StoredRule(string Id, RuleDocument Rule, string ETag);

public enum RuleWriteOutcome
{
    Done,
    NotFound,

    /// <summary>The caller's If-Match (or a concurrent writer) did not match the stored version.</summary>
    PreconditionFailed,
}

/// <summary>What an update or delete did; <see cref="Rule"/> is the new version after an update.</summary>
public sealed record RuleWrite(RuleWriteOutcome Outcome, StoredRule? Rule = null)
{
    public static RuleWrite NotFound { get; } = new(RuleWriteOutcome.NotFound);

    public static RuleWrite PreconditionFailed { get; } = new(RuleWriteOutcome.PreconditionFailed);
}
