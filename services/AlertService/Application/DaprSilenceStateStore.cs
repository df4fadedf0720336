using System.Globalization;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// One key per silence (<c>alert-silence||{id}</c>, expiring with a TTL at its purge time) and an index
/// of ids with their purge times (<c>alert-silences</c>). A write is one state transaction: the changed
/// silences and the index under its ETag, so a silence is never saved without being listed, and two
/// writers never drop each other's ids (a conflict re-reads the index and tries again).
/// </summary>
public sealed class DaprSilenceStateStore(DaprClient dapr, TimeProvider time) : ISilenceStateStore
{
    private const string IndexKey = "alert-silences";
    private const int Attempts = 20;
    private static readonly string Store = DaprComponents.StateStore;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(IReadOnlyList<SilenceRecord> silences, Func<SilenceRecord, DateTimeOffset> purgeAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silences);
        ArgumentNullException.ThrowIfNull(purgeAt);
        if (silences.Count == 0) return;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (index, etag) = await dapr.GetStateAndETagAsync<Dictionary<string, DateTimeOffset>?>(Store, IndexKey, cancellationToken: cancellationToken);
            var now = time.GetUtcNow();
            var next = (index ?? []).Where(e => e.Value > now).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            var writes = new List<StateTransactionRequest>();
            foreach (var silence in silences)
            {
                var purge = purgeAt(silence);
                next[silence.Id] = purge;
                writes.Add(new StateTransactionRequest(Key(silence.Id), JsonSerializer.SerializeToUtf8Bytes(silence, Json), StateOperationType.Upsert,
                    metadata: new Dictionary<string, string> { ["ttlInSeconds"] = TtlSeconds(purge - now) }));
            }

            writes.Add(string.IsNullOrEmpty(etag)
                ? new StateTransactionRequest(IndexKey, JsonSerializer.SerializeToUtf8Bytes(next, Json), StateOperationType.Upsert,
                    options: new StateOptions { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong })
                : new StateTransactionRequest(IndexKey, JsonSerializer.SerializeToUtf8Bytes(next, Json), StateOperationType.Upsert, etag));
            try
            {
                await dapr.ExecuteStateTransactionAsync(Store, writes, cancellationToken: cancellationToken);
                return;
            }
            catch (DaprException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.Aborted or StatusCode.FailedPrecondition })
            {
                // Another writer changed the index since it was read: read it again.
            }
        }

        throw new InvalidOperationException($"The silence index changed concurrently {Attempts} times in a row; try again.");
    }

    public async Task<IReadOnlyList<SilenceRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        var index = await dapr.GetStateAsync<Dictionary<string, DateTimeOffset>?>(Store, IndexKey, cancellationToken: cancellationToken);
        if (index is not { Count: > 0 }) return [];
        var items = await dapr.GetBulkStateAsync<SilenceRecord>(Store, [.. index.Keys.Select(Key)], parallelism: 4, cancellationToken: cancellationToken);
        return [.. items.Where(i => i.Value is not null).Select(i => i.Value)];
    }

    private static string Key(string id) => $"alert-silence||{id}";

    /// <summary>At least a minute: a silence purged the moment it is written would never be restored.</summary>
    private static string TtlSeconds(TimeSpan ttl) =>
        ((long)Math.Max(60, Math.Ceiling(ttl.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
}
