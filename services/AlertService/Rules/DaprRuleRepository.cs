using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// One state key per rule (<c>rule||{id}</c>), an index of ids split over <see cref="RuleIndexShards"/>
/// that is changed with ETag retries, so concurrent writers on several replicas lose nothing.
/// Dapr does not return the ETag a save produced, so the new version is read back after a write.
/// </summary>
public sealed class DaprRuleRepository(DaprClient dapr) : IRuleRepository
{
    private const int Attempts = 10;
    private static readonly string Store = DaprComponents.StateStore;

    public async Task<IReadOnlyList<StoredRule>> ListAsync(CancellationToken cancellationToken)
    {
        var shards = await dapr.GetBulkStateAsync<List<string>>(Store, RuleIndexShards.AllKeys, parallelism: 8, cancellationToken: cancellationToken);
        var ids = shards.Where(s => s.Value is not null).SelectMany(s => s.Value).ToList();
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
        await ChangeIndexAsync(id, ids => ids.Add(id), cancellationToken);
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

        await ChangeIndexAsync(id, ids => ids.Remove(id), cancellationToken);
        return new RuleWrite(RuleWriteOutcome.Done, current);
    }

    private Task ChangeIndexAsync(string id, Action<SortedSet<string>> change, CancellationToken cancellationToken) =>
        dapr.UpdateUnderETagAsync<List<string>>(Store, RuleIndexShards.KeyFor(id), current =>
        {
            var ids = new SortedSet<string>(current ?? [], StringComparer.Ordinal);
            change(ids);
            return [.. ids];
        }, cancellationToken, Attempts);

    private const string KeyPrefix = "rule||";

    private static string Key(string id) => KeyPrefix + id;
}
