using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace AirisEpm.ServiceDefaults.Dapr;

public static class OptimisticStateExtensions
{
    /// <summary>
    /// Saves <paramref name="value"/> only if the key is unchanged since it was read with
    /// <paramref name="etag"/>; false on a conflict, so the caller reads again and retries.
    /// A key read as absent has no ETag: the write must then be a first write, because an
    /// empty ETag is not "absent" to the state stores (Redis rejects it as malformed).
    /// </summary>
    public static async Task<bool> TrySaveUnchangedAsync<T>(
        this DaprClient dapr, string store, string key, T value, string? etag, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(dapr);
        if (!string.IsNullOrEmpty(etag))
        {
            return await dapr.TrySaveStateAsync(store, key, value, etag, metadata: metadata, cancellationToken: cancellationToken);
        }

        try
        {
            await dapr.SaveStateAsync(store, key, value,
                new StateOptions { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong },
                metadata, cancellationToken);
            return true;
        }
        catch (DaprException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.Aborted })
        {
            return false;
        }
    }

    /// <summary>
    /// Read-modify-write of one key under its ETag: reads, applies <paramref name="change"/>, saves
    /// only if nobody wrote in between, and retries from the read when somebody did.
    /// </summary>
    public static Task UpdateUnderETagAsync<T>(
        this DaprClient dapr, string store, string key, Func<T?, T> change, CancellationToken cancellationToken, int attempts = 20,
        IReadOnlyDictionary<string, string>? metadata = null)
        where T : class =>
        dapr.TryUpdateUnderETagAsync<T>(store, key, current => change(current), cancellationToken, attempts, metadata);

    /// <summary>
    /// The same, where <paramref name="change"/> may answer null for "nothing to save". Returns the
    /// value saved, or null when the change saved nothing.
    /// </summary>
    public static async Task<T?> TryUpdateUnderETagAsync<T>(
        this DaprClient dapr, string store, string key, Func<T?, T?> change, CancellationToken cancellationToken, int attempts = 20,
        IReadOnlyDictionary<string, string>? metadata = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(dapr);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<T?>(store, key, cancellationToken: cancellationToken);
            if (change(current) is not { } next) return null;
            if (await dapr.TrySaveUnchangedAsync(store, key, next, etag, cancellationToken, metadata))
            {
                return next;
            }
        }

        throw new InvalidOperationException($"State key '{key}' changed concurrently {attempts} times in a row; try again.");
    }
}
