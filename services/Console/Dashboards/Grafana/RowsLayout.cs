using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// The <c>rows</c> of dashboards older than schema 16 to grid positions, as Grafana's own schema-16 migration does:
/// a panel is <c>span × 2</c> of 24 columns wide (span 4 by default), a row or panel height in pixels becomes
/// ceil(max(px, 90) / 38) grid rows (30 px cells with an 8 px margin; 250 px by default), panels fill each row from
/// the left and wrap below it when they do not fit. Rows get header lines only when one row is collapsed, titled or
/// repeated; <see cref="PanelsLayout.Flatten"/> then drops them as it does for newer dashboards.
/// </summary>
internal static class RowsLayout
{
    private const int DefaultRowHeightPx = 250;
    private const int DefaultSpan = 4;
    private const int MinPanelHeightPx = 90;
    private const int PxPerGridRow = 30 + 8;

    public static List<LayoutItem> Read(JsonElement rows, ImportContext context)
    {
        var items = new List<LayoutItem>();
        var showRows = rows.EnumerateArray().Any(r => r.Bool("collapse") || r.Bool("showTitle") || r.String("repeat") is { Length: > 0 });
        var y = 0;
        foreach (var (index, row) in ((JsonElement?)rows).Items())
        {
            var rowPath = $"rows[{index}]";
            if (row.ValueKind != JsonValueKind.Object)
            {
                context.Note(rowPath, "not a row object");
                continue;
            }

            if (row.Property("repeatIteration") is not null) continue; // a copy Grafana made of a repeated row

            var rowHeight = GridHeight(row.Number("height") ?? DefaultRowHeightPx);
            var collapsed = showRows && row.Bool("collapse");
            var rowY = y;
            if (showRows)
            {
                PanelsLayout.NoteRow(row, rowPath, collapsed, context);
                y++;
            }

            var area = new RowArea(rowHeight, y);
            var panels = new List<LayoutItem>();
            foreach (var (panelIndex, panel) in row.Array("panels").Items())
            {
                if (panel.ValueKind != JsonValueKind.Object) continue;
                var width = Math.Clamp((int)Math.Floor(panel.Number("span") ?? DefaultSpan) * 2, 1, GridPos.Columns);
                var height = panel.Number("height") is { } px ? GridHeight(px) : rowHeight;
                var (x, top) = area.Place(width);
                var grid = new GridPos(x, top, width, height);
                area.Add(grid);
                y = area.Y;
                panels.Add(LayoutItem.Panel(panel, $"{rowPath}.panels[{panelIndex}]", grid));
            }

            if (showRows)
            {
                items.Add(new LayoutItem(row, rowPath, new GridPos(0, rowY, GridPos.Columns, 1), true, collapsed ? panels : []));
            }

            if (!collapsed)
            {
                items.AddRange(panels);
                y += rowHeight;
            }
        }

        return items;
    }

    private static int GridHeight(double px) =>
        Math.Clamp((int)Math.Ceiling(Math.Max(px, MinPanelHeightPx) / PxPerGridRow), 1, DashboardLimits.MaxGridHeight);

    /// <summary>
    /// One band of a row, <see cref="Height"/> grid rows tall, starting at <see cref="Y"/>: how far down each column
    /// is filled. A panel goes into the free columns at the band's right end, the leftmost of them, below what fills
    /// them; when they are too few it starts a new band below.
    /// </summary>
    private sealed class RowArea(int height, int y)
    {
        private readonly int[] _filled = new int[GridPos.Columns];

        public int Height { get; } = height;

        public int Y { get; private set; } = y;

        public (int X, int Y) Place(int width)
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                if (FreeRun() is { } run && run.End - run.Start + 1 >= width)
                {
                    return (run.Start, Y + _filled[run.Start..(run.End + 1)].Max());
                }

                Y += Height;
                System.Array.Clear(_filled);
            }

            return (0, Y);
        }

        public void Add(GridPos grid)
        {
            for (var column = grid.X; column < grid.Right; column++)
            {
                _filled[column] = Math.Max(_filled[column], grid.Bottom - Y);
            }
        }

        /// <summary>The columns from the right end leftwards that have room and are not filled deeper than their right neighbour.</summary>
        private (int Start, int End)? FreeRun()
        {
            int? end = null;
            var start = 0;
            for (var column = GridPos.Columns - 1; column >= 0; column--)
            {
                if (Height - _filled[column] <= 0) break;
                if (end is null)
                {
                    end = start = column;
                }
                else if (_filled[column] <= _filled[column + 1])
                {
                    start = column;
                }
                else
                {
                    break;
                }
            }

            return end is { } last ? (start, last) : null;
        }
    }
}
