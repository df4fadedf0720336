namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// A dashboard as the page draws it and the state store keeps it (JSON, camelCase). <see cref="Id"/>,
/// <see cref="Version"/> and <see cref="Updated"/> are the server's: a create ignores them, an update
/// must send the version it was based on (optimistic concurrency) and gets the next one.
/// </summary>
public sealed record Dashboard
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    public int Version { get; init; }

    public DateTimeOffset Updated { get; init; }

    public DashboardTime Time { get; init; } = DashboardTime.Default;

    /// <summary>How often the page reloads the panels ("30s", "5m"), or null for never.</summary>
    public string? Refresh { get; init; }

    public IReadOnlyList<DashboardVariable> Variables { get; init; } = [];

    public IReadOnlyList<Panel> Panels { get; init; } = [];

    public DashboardSummary Summary() => new(Id, Title, Tags, Updated);
}
