namespace AirisEpm.AlertService.Incidents;

/// <summary>The list of incidents across all actors, for listing; each actor upserts its own.</summary>
public interface IIncidentIndex
{
    Task UpsertAsync(IncidentSummary summary, CancellationToken cancellationToken);

    Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken);
}
