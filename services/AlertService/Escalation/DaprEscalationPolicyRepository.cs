using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Escalation;

/// <summary>
/// One state key per policy plus an index key of names. A save or a delete is one state transaction: the policy
/// and the index under the ETag it was read with, so a policy is never stored without being listed (or listed
/// without being stored), and two replicas changing policies at once never drop each other's names. A transaction
/// that fails is retried from the read when the index changed meanwhile (daprd reports an ETag conflict in a
/// transaction as a failed transaction, not always as a conflict); otherwise the store refused it, and the caller
/// gets <see cref="DependencyUnavailableException"/> (503 with Retry-After) with nothing written.
/// </summary>
public sealed class DaprEscalationPolicyRepository(DaprClient dapr) : IEscalationPolicyRepository
{
    private const string IndexKey = "escalation-policies";
    private const int Attempts = 20;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private static readonly string Store = DaprComponents.StateStore;

    public async Task<IReadOnlyList<EscalationPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        var names = await dapr.GetStateAsync<List<string>?>(Store, IndexKey, cancellationToken: cancellationToken) ?? [];
        if (names.Count == 0)
        {
            return [];
        }

        var items = await dapr.GetBulkStateAsync<EscalationPolicy>(Store, names.Select(Key).ToList(), parallelism: 8, cancellationToken: cancellationToken);
        return items.Where(i => i.Value is not null).Select(i => i.Value).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    public Task<EscalationPolicy?> GetAsync(string name, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<EscalationPolicy?>(Store, Key(name), cancellationToken: cancellationToken);

    public Task SaveAsync(EscalationPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var write = new StateTransactionRequest(Key(policy.Name), JsonSerializer.SerializeToUtf8Bytes(policy, dapr.JsonSerializerOptions), StateOperationType.Upsert);
        return TransactAsync(write, names => names.Add(policy.Name), "saved", cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await GetAsync(name, cancellationToken) is null)
        {
            return false;
        }

        await TransactAsync(new StateTransactionRequest(Key(name), null, StateOperationType.Delete), names => names.Remove(name), "deleted", cancellationToken);
        return true;
    }

    /// <summary>Writes <paramref name="policy"/> and the index changed by <paramref name="change"/> in one transaction.</summary>
    private async Task TransactAsync(StateTransactionRequest policy, Action<SortedSet<string>> change, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (current, etag) = await ReadIndexAsync(what, cancellationToken);
            var names = new SortedSet<string>(current ?? [], StringComparer.Ordinal);
            change(names);
            var index = JsonSerializer.SerializeToUtf8Bytes(names.ToList(), dapr.JsonSerializerOptions);
            var indexWrite = string.IsNullOrEmpty(etag)
                ? new StateTransactionRequest(IndexKey, index, StateOperationType.Upsert,
                    options: new StateOptions { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong })
                : new StateTransactionRequest(IndexKey, index, StateOperationType.Upsert, etag);
            try
            {
                await dapr.ExecuteStateTransactionAsync(Store, [policy, indexWrite], cancellationToken: cancellationToken);
                return;
            }
            catch (DaprException ex)
            {
                if ((await ReadIndexAsync(what, cancellationToken)).ETag == etag)
                {
                    throw Unavailable(what, ex);
                }

                // Another writer changed the index since it was read: read it again.
            }
        }

        throw Unavailable(what, null, $"the policy index changed concurrently {Attempts} times in a row");
    }

    private async Task<(List<string>? Names, string ETag)> ReadIndexAsync(string what, CancellationToken cancellationToken)
    {
        try
        {
            return await dapr.GetStateAndETagAsync<List<string>?>(Store, IndexKey, cancellationToken: cancellationToken);
        }
        catch (DaprException ex)
        {
            throw Unavailable(what, ex);
        }
    }

    private static DependencyUnavailableException Unavailable(string what, Exception? inner, string? why = null) =>
        new($"The escalation policy could not be {what}: {why ?? "the state store refused the write"}; nothing was changed, retry shortly.", RetryAfter, inner);

    private static string Key(string name) => $"escalation-policy||{name}";
}
