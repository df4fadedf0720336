namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// One panel: a <see cref="PanelTypes"/> chart of one or more PromQL queries at a place in the grid.
/// <see cref="Unit"/> is a Grafana unit id ("s", "bytes", "percent", "reqps"), null for plain numbers.
/// <see cref="Thresholds"/> ascend by value; below the first, the panel's default colour.
/// </summary>
public sealed record Panel
{
    public int Id { get; init; }

    public string Title { get; init; } = "";

    public string Type { get; init; } = PanelTypes.TimeSeries;

    public GridPos Grid { get; init; } = new(0, 0, 12, 8);

    public IReadOnlyList<PanelQuery> Queries { get; init; } = [];

    public string? Unit { get; init; }

    public int? Decimals { get; init; }

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];
}
