using Dapr.Client;

namespace AirisEpm.ServiceDefaults.Dapr;

/// <summary>
/// Remembers which messages a handler has processed, in the state store with a TTL, so an
/// at-least-once redelivery is acknowledged without being handled twice.
/// </summary>
public sealed class IdempotencyGuard(DaprClient dapr, TimeProvider time)
{
    /// <summary>How long a message id is remembered: longer than any pub/sub redelivery window.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<bool> WasProcessedAsync(string scope, string messageId, CancellationToken cancellationToken)
    {
        var marker = await dapr.GetStateAsync<string?>(DaprComponents.StateStore, Key(scope, messageId), cancellationToken: cancellationToken);
        return marker is not null;
    }

    /// <summary>
    /// Records the message as processed. First write wins: false when another delivery of the same
    /// message got there first.
    /// </summary>
    public async Task<bool> MarkProcessedAsync(string scope, string messageId, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            ["ttlInSeconds"] = ((int)Retention.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return await dapr.TrySaveUnchangedAsync(
            DaprComponents.StateStore, Key(scope, messageId), time.GetUtcNow().ToString("O"), etag: null, cancellationToken, metadata);
    }

    private static string Key(string scope, string messageId) => $"processed||{scope}||{messageId}";
}
