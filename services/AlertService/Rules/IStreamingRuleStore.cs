namespace AirisEpm.AlertService.Rules;

/// <summary>Where the <see cref="StreamingRuleSet"/> is kept, changed under optimistic concurrency.</summary>
public interface IStreamingRuleStore
{
    Task<StreamingRuleSet> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the set, applies <paramref name="change"/> and saves the result unless somebody wrote in
    /// between (then it reads again and retries). Returns the saved set, or null when
    /// <paramref name="change"/> returned null (nothing to save).
    /// </summary>
    Task<StreamingRuleSet?> UpdateAsync(Func<StreamingRuleSet, StreamingRuleSet?> change, CancellationToken cancellationToken);
}
