namespace AirisEpm.WebConsole.Dashboards;

public enum DashboardWriteOutcome
{
    Done,
    NotFound,

    /// <summary>Another writer got there first: the id exists (create), or the version moved on (update, delete).</summary>
    Conflict,
}

/// <summary>What a write did; <see cref="Dashboard"/> is the stored dashboard (saved, deleted, or the one in the way of a conflict).</summary>
public sealed record DashboardWrite(DashboardWriteOutcome Outcome, Dashboard? Dashboard)
{
    public static readonly DashboardWrite NotFound = new(DashboardWriteOutcome.NotFound, null);

    public static DashboardWrite Done(Dashboard dashboard) => new(DashboardWriteOutcome.Done, dashboard);

    public static DashboardWrite Conflict(Dashboard? current) => new(DashboardWriteOutcome.Conflict, current);
}
