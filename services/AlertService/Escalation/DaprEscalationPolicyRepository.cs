using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Escalation;

/// <summary>
/// One state key per policy plus an index key of names. The index is updated with ETag
/// concurrency so two replicas adding policies at once do not lose one.
/// </summary>
public sealed class DaprEscalationPolicyRepository(DaprClient dapr) : IEscalationPolicyRepository
{
    private const string IndexKey = "escalation-policies";

    public async Task<IReadOnlyList<EscalationPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        var names = await dapr.GetStateAsync<List<string>?>(DaprComponents.StateStore, IndexKey, cancellationToken: cancellationToken) ?? [];
        if (names.Count == 0)
        {
            return [];
        }

        var items = await dapr.GetBulkStateAsync<EscalationPolicy>(DaprComponents.StateStore, names.Select(Key).ToList(), parallelism: 8, cancellationToken: cancellationToken);
        return items.Where(i => i.Value is not null).Select(i => i.Value).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    public Task<EscalationPolicy?> GetAsync(string name, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<EscalationPolicy?>(DaprComponents.StateStore, Key(name), cancellationToken: cancellationToken);

    public async Task SaveAsync(EscalationPolicy policy, CancellationToken cancellationToken)
    {
        await dapr.SaveStateAsync(DaprComponents.StateStore, Key(policy.Name), policy, cancellationToken: cancellationToken);
        await UpdateIndexAsync(names => names.Add(policy.Name), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await GetAsync(name, cancellationToken) is null)
        {
            return false;
        }

        await dapr.DeleteStateAsync(DaprComponents.StateStore, Key(name), cancellationToken: cancellationToken);
        await UpdateIndexAsync(names => names.Remove(name), cancellationToken);
        return true;
    }

    private Task UpdateIndexAsync(Action<SortedSet<string>> change, CancellationToken cancellationToken) =>
        dapr.UpdateUnderETagAsync<List<string>>(DaprComponents.StateStore, IndexKey, current =>
        {
            var names = new SortedSet<string>(current ?? [], StringComparer.Ordinal);
            change(names);
            return [.. names];
        }, cancellationToken);

    private static string Key(string name) => $"escalation-policy||{name}";
}
