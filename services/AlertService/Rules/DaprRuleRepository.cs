using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// One state key per rule (<c>rule||{id}</c>), an index key of ids and a version key, the last
/// two changed with ETag retries so concurrent writers on several replicas lose nothing.
/// Dapr does not return the ETag a save produced, so the new version is read back after a write.
/// </summary>
public sealed class DaprRuleRepository(DaprClient dapr) : IRuleRepository
{
    private const string IndexKey = "rules-index";
    private const string VersionKey = "rules-version";
    private const int Attempts = 10;
    private static readonly string Store = DaprComponents.StateStore;

    public async Task<IReadOnlyList<StoredRule>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await dapr.GetStateAsync<List<string>?>(Store, IndexKey, cancellationToken: cancellationToken) ?? [];
        if (ids.Count == 0) return [];
        var items = await dapr.GetBulkStateAsync<RuleDocument>(Store, ids.Select(Key).ToList(), parallelism: 8, cancellationToken: cancellationToken);
        return items.Where(i => i.Value is not null)
            .Select(i => new StoredRule(i.Key[(KeyPrefix.Length)..], i.Value, i.ETag))
            .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<StoredRule?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var (rule, etag) = await dapr.GetStateAndETagAsync<RuleDocument?>(Store, Key(id), cancellationToken: cancellationToken);
        return rule is null ? null : new StoredRule(id, rule, etag);
    }

    public async Task<StoredRule> CreateAsync(string id, RuleDocument rule, CancellationToken cancellationToken)
    {
        await dapr.SaveStateAsync(Store, Key(id), rule, cancellationToken: cancellationToken);
        await ChangeIndexAsync(ids => ids.Add(id), cancellationToken);
        return await GetAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Rule {id} vanished right after it was saved.");
    }

    public async Task<RuleWrite> UpdateAsync(string id, RuleDocument rule, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { } current) return RuleWrite.NotFound;
        if (ifMatch is not null && ifMatch != current.ETag) return RuleWrite.PreconditionFailed;
        if (!await dapr.TrySaveStateAsync(Store, Key(id), rule, ifMatch ?? current.ETag, cancellationToken: cancellationToken))
        {
            return RuleWrite.PreconditionFailed;
        }

        return await GetAsync(id, cancellationToken) is { } saved ? new RuleWrite(RuleWriteOutcome.Done, saved) : RuleWrite.NotFound;
    }

    public async Task<RuleWrite> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { } current) return RuleWrite.NotFound;
        if (ifMatch is not null && ifMatch != current.ETag) return RuleWrite.PreconditionFailed;
        if (!await dapr.TryDeleteStateAsync(Store, Key(id), ifMatch ?? current.ETag, cancellationToken: cancellationToken))
        {
            return RuleWrite.PreconditionFailed;
        }

        await ChangeIndexAsync(ids => ids.Remove(id), cancellationToken);
        return new RuleWrite(RuleWriteOutcome.Done, current);
    }

    public async Task<long> NextVersionAsync(long candidate, CancellationToken cancellationToken)
    {
        long next = 0;
        await dapr.UpdateUnderETagAsync<long?>(Store, VersionKey, previous => next = Math.Max(candidate, (previous ?? 0) + 1),
            cancellationToken, Attempts);
        return next;
    }

    private Task ChangeIndexAsync(Action<SortedSet<string>> change, CancellationToken cancellationToken) =>
        dapr.UpdateUnderETagAsync<List<string>>(Store, IndexKey, current =>
        {
            var ids = new SortedSet<string>(current ?? [], StringComparer.Ordinal);
            change(ids);
            return [.. ids];
        }, cancellationToken, Attempts);

    private const string KeyPrefix = "rule||";

    private static string Key(string id) => KeyPrefix + id;
}
