namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Rules in the state store, with optimistic concurrency: <c>ifMatch</c> null means
/// "whatever version is stored"; otherwise it must equal the stored ETag.
/// </summary>
public interface IRuleRepository
{
    Task<IReadOnlyList<StoredRule>> ListAsync(CancellationToken cancellationToken);

    Task<StoredRule?> GetAsync(string id, CancellationToken cancellationToken);

    Task<StoredRule> CreateAsync(string id, RuleDocument rule, CancellationToken cancellationToken);

    Task<RuleWrite> UpdateAsync(string id, RuleDocument rule, string? ifMatch, CancellationToken cancellationToken);

    Task<RuleWrite> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken);
}
