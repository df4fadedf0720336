using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Rules;

/// <summary>The streaming rule set in one state key (<c>rules-streaming</c>), changed under its ETag.</summary>
public sealed class DaprStreamingRuleStore(DaprClient dapr) : IStreamingRuleStore
{
    private const string Key = "rules-streaming";
    private const int Attempts = 20;
    private static readonly string Store = DaprComponents.StateStore;

    public async Task<StreamingRuleSet> ReadAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<StreamingRuleSet?>(Store, Key, cancellationToken: cancellationToken) ?? StreamingRuleSet.Empty;

    public async Task<StreamingRuleSet?> UpdateAsync(Func<StreamingRuleSet, StreamingRuleSet?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<StreamingRuleSet?>(Store, Key, cancellationToken: cancellationToken);
            if (change(current ?? StreamingRuleSet.Empty) is not { } next) return null;
            if (await dapr.TrySaveUnchangedAsync(Store, Key, next, etag, cancellationToken)) return next;
        }

        throw new InvalidOperationException($"State key '{Key}' changed concurrently {Attempts} times in a row; try again.");
    }
}
