using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Rules;

/// <summary>The streaming rule set in one state key (<c>rules-streaming</c>), changed under its ETag.</summary>
public sealed class DaprStreamingRuleStore(DaprClient dapr) : IStreamingRuleStore
{
    private const string Key = "rules-streaming";
    private static readonly string Store = DaprComponents.StateStore;

    public async Task<StreamingRuleSet> ReadAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<StreamingRuleSet?>(Store, Key, cancellationToken: cancellationToken) ?? StreamingRuleSet.Empty;

    public Task<StreamingRuleSet?> UpdateAsync(Func<StreamingRuleSet, StreamingRuleSet?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return dapr.TryUpdateUnderETagAsync<StreamingRuleSet>(Store, Key, current => change(current ?? StreamingRuleSet.Empty), cancellationToken);
    }
}
