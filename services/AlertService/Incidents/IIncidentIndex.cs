using AirisEpm.AlertService.Domain.Correlation;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// The incidents across all actors: each actor upserts its own. <see cref="ListAsync"/> is for listing (the newest
/// ones); <see cref="OpenHoldingAsync"/> is how a firing or resolving group finds the open incidents it belongs to, and
/// sees every open incident, however many there are.
/// </summary>
public interface IIncidentIndex
{
    Task UpsertAsync(IncidentSummary summary, CancellationToken cancellationToken);

    Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every incident not resolved that stands for at least one of <paramref name="groupKeys"/>.</summary>
    Task<IReadOnlyList<OpenIncident>> OpenHoldingAsync(IReadOnlyCollection<string> groupKeys, CancellationToken cancellationToken);
}
