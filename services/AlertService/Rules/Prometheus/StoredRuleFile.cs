namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>A rule file as stored: its name, its YAML exactly as sent, and when it was stored.</summary>
public sealed record StoredRuleFile(string Name, string Yaml, DateTimeOffset UpdatedAt);

/// <summary>Rule files in the state store. A write returns once the file is durable.</summary>
public interface IRuleFileRepository
{
    Task<IReadOnlyList<StoredRuleFile>> ListAsync(CancellationToken cancellationToken);

    Task<StoredRuleFile?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores (creates or replaces) the file; true when it is new.</summary>
    Task<bool> PutAsync(StoredRuleFile file, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
