using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Grafana's <c>panels</c> (schema 16 on) to one flat list: the console has no rows, so a row's header line is dropped
/// and a collapsed row's panels are laid out where the row was, with everything below moved down to make room
/// (Grafana stores a collapsed row's panels at the places they had when it was last open).
/// </summary>
internal static class PanelsLayout
{
    public static List<LayoutItem> Read(JsonElement panels, string path, ImportContext context)
    {
        var items = new List<LayoutItem>();
        foreach (var (index, panel) in ((JsonElement?)panels).Items())
        {
            var itemPath = $"{path}[{index}]";
            if (panel.ValueKind != JsonValueKind.Object)
            {
                context.Note(itemPath, "not a panel object");
                continue;
            }

            var grid = ReadGrid(panel);
            if (panel.String("type") != "row")
            {
                items.Add(LayoutItem.Panel(panel, itemPath, grid));
                continue;
            }

            var nested = panel.Array("panels").Items()
                .Where(p => p.Item.ValueKind == JsonValueKind.Object)
                .Select(p => LayoutItem.Panel(p.Item, $"{itemPath}.panels[{p.Index}]", ReadGrid(p.Item)))
                .ToList();
            NoteRow(panel, itemPath, panel.Bool("collapsed") && nested.Count > 0, context);
            items.Add(new LayoutItem(panel, itemPath, grid, true, panel.Bool("collapsed") ? nested : []));
        }

        return items;
    }

    public static void NoteRow(JsonElement row, string path, bool collapsed, ImportContext context)
    {
        var title = row.String("title") is { Length: > 0 } t ? $"row '{t}'" : "a row";
        context.Note(path, collapsed
            ? $"{title} is not kept (the console has no rows); its collapsed panels are laid out open where it was"
            : $"{title} is not kept (the console has no rows); its panels stay where they are");
        if (row.String("repeat") is { Length: > 0 } repeat)
        {
            context.Note(path, $"{title} repeats for each value of ${repeat}; the console shows it once");
        }
    }

    /// <summary>Top-level items in reading order, rows flattened (see the type's summary); unplaced panels last.</summary>
    public static List<PlacedPanel> Flatten(IEnumerable<LayoutItem> items)
    {
        var ordered = items.Select((item, index) => (item, index))
            .OrderBy(e => e.item.Grid is null ? 1 : 0).ThenBy(e => e.item.Grid?.Y ?? 0).ThenBy(e => e.item.Grid?.X ?? 0).ThenBy(e => e.index)
            .Select(e => e.item);
        var placed = new List<PlacedPanel>();
        var offset = 0;
        foreach (var item in ordered)
        {
            if (item.Grid is not { } grid)
            {
                placed.AddRange(item.IsRow ? item.Nested.Select(n => new PlacedPanel(n.Element, n.Path, null)) : [new PlacedPanel(item.Element, item.Path, null)]);
                continue;
            }

            if (!item.IsRow)
            {
                placed.Add(new PlacedPanel(item.Element, item.Path, grid with { Y = Math.Max(0, grid.Y + offset) }));
                continue;
            }

            var rowY = Math.Max(0, grid.Y + offset);
            var nested = item.Nested.Where(n => n.Grid is not null).ToList();
            placed.AddRange(item.Nested.Where(n => n.Grid is null).Select(n => new PlacedPanel(n.Element, n.Path, null)));
            if (nested.Count == 0)
            {
                offset -= 1;
                continue;
            }

            var top = nested.Min(n => n.Grid!.Y);
            var bottom = nested.Max(n => n.Grid!.Bottom);
            placed.AddRange(nested.Select(n => new PlacedPanel(n.Element, n.Path, n.Grid! with { Y = rowY + (n.Grid.Y - top) })));
            offset += bottom - top - 1;
        }

        return placed;
    }

    /// <summary><c>gridPos</c>, clamped into the grid; a missing coordinate reads as Grafana's default for a new panel.</summary>
    public static GridPos? ReadGrid(JsonElement panel)
    {
        if (panel.Object("gridPos") is not { } pos) return null;
        var w = pos.Int("w", 1, GridPos.Columns) ?? 12;
        return new GridPos(
            pos.Int("x", 0, GridPos.Columns - w) ?? 0,
            pos.Int("y", 0, DashboardLimits.MaxGridY) ?? 0,
            w,
            pos.Int("h", 1, DashboardLimits.MaxGridHeight) ?? 8);
    }
}
