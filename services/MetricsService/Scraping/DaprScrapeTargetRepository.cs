using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>
/// One state-store key per target (<c>scrape-target:{id}</c>) plus an index key listing the ids,
/// updated with ETags so that two replicas adding targets at once do not lose one.
/// </summary>
public sealed class DaprScrapeTargetRepository(DaprClient dapr) : IScrapeTargetRepository
{
    private const string IndexKey = "scrape-targets:index";
    private const int IndexAttempts = 5;

    public async Task<IReadOnlyList<ScrapeTarget>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await dapr.GetStateAsync<List<string>>(DaprComponents.StateStore, IndexKey, cancellationToken: cancellationToken) ?? [];
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await dapr.GetBulkStateAsync<ScrapeTarget>(DaprComponents.StateStore, [.. ids.Select(Key)], parallelism: 4, cancellationToken: cancellationToken);
        return [.. items.Where(i => i.Value is not null).Select(i => i.Value).OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    public Task<ScrapeTarget?> GetAsync(string id, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<ScrapeTarget?>(DaprComponents.StateStore, Key(id), cancellationToken: cancellationToken);

    public async Task SaveAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        await dapr.SaveStateAsync(DaprComponents.StateStore, Key(target.Id), target, cancellationToken: cancellationToken);
        await UpdateIndexAsync(ids => ids.Add(target.Id), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is null)
        {
            return false;
        }

        await UpdateIndexAsync(ids => ids.Remove(id), cancellationToken);
        await dapr.DeleteStateAsync(DaprComponents.StateStore, Key(id), cancellationToken: cancellationToken);
        return true;
    }

    private async Task UpdateIndexAsync(Action<SortedSet<string>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (ids, etag) = await dapr.GetStateAndETagAsync<List<string>>(DaprComponents.StateStore, IndexKey, cancellationToken: cancellationToken);
            var set = new SortedSet<string>(ids ?? [], StringComparer.Ordinal);
            change(set);
            if (await dapr.TrySaveStateAsync(DaprComponents.StateStore, IndexKey, set.ToList(), etag ?? "", cancellationToken: cancellationToken))
            {
                return;
            }

            if (attempt == IndexAttempts)
            {
                throw new InvalidOperationException($"The scrape target index changed concurrently {IndexAttempts} times in a row.");
            }
        }
    }

    private static string Key(string id) => "scrape-target:" + id;
}
