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

    public Task UpsertAsync(IncidentSummary summary, CancellationToken cancellationToken) =>
        dapr.UpdateUnderETagAsync<List<IncidentSummary>>(DaprComponents.StateStore, Key, current =>
            [.. (current ?? []).Where(s => s.Id != summary.Id).Prepend(summary).OrderByDescending(s => s.TriggeredAt).Take(Capacity)],
            cancellationToken);

    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<List<IncidentSummary>?>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken) ?? [];
}
