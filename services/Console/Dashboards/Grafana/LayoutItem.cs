using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// A top-level entry of a Grafana layout: a panel, or a row with the panels it folds away when collapsed
/// (<see cref="Nested"/>), each with its <c>gridPos</c> (null when the JSON has none).
/// </summary>
internal sealed record LayoutItem(JsonElement Element, string Path, GridPos? Grid, bool IsRow, IReadOnlyList<LayoutItem> Nested)
{
    public static LayoutItem Panel(JsonElement element, string path, GridPos? grid) => new(element, path, grid, false, []);
}

/// <summary>A Grafana panel and the place it gets in the console's grid (null until it is placed below the others).</summary>
internal sealed record PlacedPanel(JsonElement Element, string Path, GridPos? Grid);
