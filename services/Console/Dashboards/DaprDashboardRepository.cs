using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using Dapr;
using Dapr.Client;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// One state key per dashboard (<c>dashboard||{id}</c>) and an index key (<c>dashboards</c>) holding every
/// dashboard's summary, so the list is one read. Each write is one state transaction of the dashboard and the index,
/// both under the ETags they were read with: a dashboard is never listed without being stored (or the reverse), two
/// people saving the same dashboard cannot both win (the second gets <see cref="DashboardWriteOutcome.Conflict"/>),
/// and two replicas changing different dashboards never drop each other's index entries. daprd reports an ETag
/// mismatch inside a transaction as a failed transaction, so after a failure both keys are read again: the dashboard
/// moved on → conflict; only the index moved on → retry; neither → the store refused, and the caller gets
/// <see cref="DependencyUnavailableException"/> (503 with Retry-After) with nothing written.
/// </summary>
public sealed class DaprDashboardRepository(DaprClient dapr, TimeProvider time) : IDashboardRepository
{
    private const string IndexKey = "dashboards";
    private const int Attempts = 20;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private static readonly string Store = DaprComponents.StateStore;
    private static readonly StateOptions Guarded = new() { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong };

    public async Task<IReadOnlyList<DashboardSummary>> ListAsync(CancellationToken cancellationToken) =>
        (await ReadIndexAsync("listed", cancellationToken)).Summaries ?? [];

    public async Task<Dashboard?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync(id, "read", cancellationToken)).Dashboard;

    public async Task<DashboardWrite> CreateAsync(Dashboard dashboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var stored = dashboard with { Version = 1, Updated = time.GetUtcNow() };
        if ((await ReadAsync(stored.Id, "created", cancellationToken)).Dashboard is { } existing)
        {
            return DashboardWrite.Conflict(existing);
        }

        return await TransactAsync(stored.Id, etag: null, Upsert(stored, etag: null), index => Upserted(index, stored), stored, "created", cancellationToken);
    }

    public async Task<DashboardWrite> UpdateAsync(Dashboard dashboard, int basedOnVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var (current, etag) = await ReadAsync(dashboard.Id, "saved", cancellationToken);
        if (current is null) return DashboardWrite.NotFound;
        if (current.Version != basedOnVersion) return DashboardWrite.Conflict(current);

        var stored = dashboard with { Version = current.Version + 1, Updated = time.GetUtcNow() };
        return await TransactAsync(stored.Id, etag, Upsert(stored, etag), index => Upserted(index, stored), stored, "saved", cancellationToken);
    }

    public async Task<DashboardWrite> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var (current, etag) = await ReadAsync(id, "deleted", cancellationToken);
        if (current is null) return DashboardWrite.NotFound;

        var delete = new StateTransactionRequest(Key(id), null, StateOperationType.Delete, etag, options: Guarded);
        return await TransactAsync(id, etag, delete, index => [.. index.Where(s => s.Id != id)], current, "deleted", cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="write"/> (the dashboard, expected at <paramref name="etag"/>, or absent when null) and the
    /// index changed by <paramref name="change"/> in one transaction.
    /// </summary>
    private async Task<DashboardWrite> TransactAsync(
        string id, string? etag, StateTransactionRequest write, Func<List<DashboardSummary>, List<DashboardSummary>> change,
        Dashboard result, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (summaries, indexETag) = await ReadIndexAsync(what, cancellationToken);
            var index = JsonSerializer.SerializeToUtf8Bytes(change(summaries ?? []), dapr.JsonSerializerOptions);
            var indexWrite = new StateTransactionRequest(IndexKey, index, StateOperationType.Upsert, NullIfEmpty(indexETag), options: Guarded);
            try
            {
                await dapr.ExecuteStateTransactionAsync(Store, [write, indexWrite], cancellationToken: cancellationToken);
                return DashboardWrite.Done(result);
            }
            catch (DaprException ex)
            {
                var (current, currentETag) = await ReadAsync(id, what, cancellationToken);
                if (NullIfEmpty(currentETag) != etag)
                {
                    return current is null && etag is not null ? DashboardWrite.NotFound : DashboardWrite.Conflict(current);
                }

                if ((await ReadIndexAsync(what, cancellationToken)).ETag == indexETag)
                {
                    throw Unavailable(what, ex);
                }

                // Another writer changed the index since it was read: read it again.
            }
        }

        throw Unavailable(what, null, $"the dashboard index changed concurrently {Attempts} times in a row");
    }

    private StateTransactionRequest Upsert(Dashboard dashboard, string? etag) =>
        new(Key(dashboard.Id), JsonSerializer.SerializeToUtf8Bytes(dashboard, dapr.JsonSerializerOptions), StateOperationType.Upsert,
            NullIfEmpty(etag), options: Guarded);

    private static List<DashboardSummary> Upserted(List<DashboardSummary> index, Dashboard dashboard) =>
        [.. index.Where(s => s.Id != dashboard.Id).Append(dashboard.Summary())
            .OrderBy(s => s.Title, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal)];

    private async Task<(Dashboard? Dashboard, string ETag)> ReadAsync(string id, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await dapr.GetStateAndETagAsync<Dashboard?>(Store, Key(id), cancellationToken: cancellationToken);
        }
        catch (DaprException ex)
        {
            throw Unavailable(what, ex);
        }
    }

    private async Task<(List<DashboardSummary>? Summaries, string ETag)> ReadIndexAsync(string what, CancellationToken cancellationToken)
    {
        try
        {
            return await dapr.GetStateAndETagAsync<List<DashboardSummary>?>(Store, IndexKey, cancellationToken: cancellationToken);
        }
        catch (DaprException ex)
        {
            throw Unavailable(what, ex);
        }
    }

    private static string? NullIfEmpty(string? etag) => string.IsNullOrEmpty(etag) ? null : etag;

    private static DependencyUnavailableException Unavailable(string what, Exception? inner, string? why = null) =>
        new($"The dashboard could not be {what}: {why ?? "the state store did not answer"}; nothing was changed, retry shortly.", RetryAfter, inner);

    private static string Key(string id) => "dashboard||" + id;
}
