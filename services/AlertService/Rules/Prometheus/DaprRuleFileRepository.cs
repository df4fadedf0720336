using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// One state key per file (<c>rulefile||{name}</c>) and an index of names (<c>rulefiles</c>) changed under its ETag,
/// so writers on several replicas lose nothing. The file is saved before the index names it: a crash in between
/// leaves an unlisted file that the next PUT of that name lists.
/// </summary>
public sealed class DaprRuleFileRepository(DaprClient dapr) : IRuleFileRepository
{
    private const string IndexKey = "rulefiles";
    private const string KeyPrefix = "rulefile||";
    private static readonly string Store = DaprComponents.StateStore;

    public async Task<IReadOnlyList<StoredRuleFile>> ListAsync(CancellationToken cancellationToken)
    {
        var names = await dapr.GetStateAsync<List<string>?>(Store, IndexKey, cancellationToken: cancellationToken) ?? [];
        if (names.Count == 0) return [];
        var items = await dapr.GetBulkStateAsync<StoredRuleFile>(Store, names.Select(Key).ToList(), parallelism: 8, cancellationToken: cancellationToken);
        return items.Where(i => i.Value is not null).Select(i => i.Value).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    public Task<StoredRuleFile?> GetAsync(string name, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<StoredRuleFile?>(Store, Key(name), cancellationToken: cancellationToken);

    public async Task<bool> PutAsync(StoredRuleFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await dapr.SaveStateAsync(Store, Key(file.Name), file, cancellationToken: cancellationToken);
        var added = false;
        await dapr.UpdateUnderETagAsync<List<string>>(Store, IndexKey, current =>
        {
            var names = new SortedSet<string>(current ?? [], StringComparer.Ordinal);
            added = names.Add(file.Name);
            return [.. names];
        }, cancellationToken);
        return added;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var existed = await GetAsync(name, cancellationToken) is not null;
        await dapr.UpdateUnderETagAsync<List<string>>(Store, IndexKey, current => [.. (current ?? []).Where(n => n != name)], cancellationToken);
        await dapr.DeleteStateAsync(Store, Key(name), cancellationToken: cancellationToken);
        return existed;
    }

    private static string Key(string name) => KeyPrefix + name;
}
