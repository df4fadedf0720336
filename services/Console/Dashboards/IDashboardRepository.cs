namespace AirisEpm.WebConsole.Dashboards;

/// <summary>Where dashboards live: every write is all-or-nothing and conflicts are answered, never lost.</summary>
public interface IDashboardRepository
{
    Task<IReadOnlyList<DashboardSummary>> ListAsync(CancellationToken cancellationToken);

    Task<Dashboard?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="dashboard"/> under its id if no dashboard has it yet.</summary>
    Task<DashboardWrite> CreateAsync(Dashboard dashboard, CancellationToken cancellationToken);

    /// <summary>Replaces the dashboard only if it is still at <paramref name="basedOnVersion"/>; the stored one gets the next version.</summary>
    Task<DashboardWrite> UpdateAsync(Dashboard dashboard, int basedOnVersion, CancellationToken cancellationToken);

    Task<DashboardWrite> DeleteAsync(string id, CancellationToken cancellationToken);
}
