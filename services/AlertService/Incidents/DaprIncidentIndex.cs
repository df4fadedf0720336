using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// The incident list as one state key updated with ETag concurrency (actors on several replicas
/// write it). Keeps the newest <see cref="Capacity"/> incidents.
/// </summary>
public sealed class DaprIncidentIndex(DaprClient dapr) : IIncidentIndex
{
    public const int Capacity = 1_000;
    private const string Key = "incidents-index";

    public async Task UpsertAsync(IncidentSummary summary, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<List<IncidentSummary>?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken);
            var list = (current ?? []).Where(s => s.Id != summary.Id).Prepend(summary)
                .OrderByDescending(s => s.TriggeredAt).Take(Capacity).ToList();
            if (await dapr.TrySaveUnchangedAsync(DaprComponents.StateStore, Key, list, etag, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException("The incident index kept changing under us.");
    }

    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<IncidentSummary>?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken) ?? [];
}
