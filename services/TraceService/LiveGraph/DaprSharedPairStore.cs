using System.Globalization;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.TraceService.Analysis.Dependencies;
using Dapr.Client;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>
/// The shared pairs in the Dapr state store (<c>statestore</c>, keys <c>pair-{trace}-{span}</c>, which the sidecar
/// prefixes with the app id, so every replica of trace-service sees the same keys), each saved under its ETag and
/// expiring after <see cref="DependencyGraphOptions.SharedTtl"/>: long after both halves of a call have come.
/// </summary>
public sealed class DaprSharedPairStore(DaprClient dapr, Microsoft.Extensions.Options.IOptions<DependencyGraphOptions> options) : ISharedPairStore
{
    private readonly Dictionary<string, string> _metadata = new()
    {
        ["ttlInSeconds"] = ((long)options.Value.SharedTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    };

    public async Task<IReadOnlyList<ServiceCall>> UpdateAsync(
        string key, Func<SharedPair?, (SharedPair? Next, IReadOnlyList<ServiceCall> Calls)> change, CancellationToken cancellationToken)
    {
        IReadOnlyList<ServiceCall> calls = [];
        var saved = await dapr.TryUpdateUnderETagAsync<SharedPair>(DaprComponents.StateStore, "pair-" + key, current =>
        {
            (var next, calls) = change(current);
            return next;
        }, cancellationToken, metadata: _metadata);
        return saved is null ? [] : calls;
    }
}
