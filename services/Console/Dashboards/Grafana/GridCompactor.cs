namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Lays panels out as Grafana draws them: its grid (react-grid-layout with vertical compaction) floats every panel
/// up until it meets another and pushes overlapping panels down. Panels are taken in reading order (top to bottom,
/// left to right); each moves up past empty rows, then below whatever it overlaps. Panels without a place go to the
/// bottom, 12 columns by 8 rows (Grafana's new-panel size). A panel then ends at most the sum of the heights above
/// it down, so 500 panels of the tallest kind stay inside <see cref="DashboardLimits.MaxGridY"/>. O(panels² log panels).
/// </summary>
internal static class GridCompactor
{
    private static readonly GridPos Unplaced = new(0, 0, 12, 8);

    public static List<GridPos> Compact(IReadOnlyList<GridPos?> grids)
    {
        var bottom = grids.Where(g => g is not null).Select(g => g!.Bottom).DefaultIfEmpty(0).Max();
        var wanted = grids.Select(g => g ?? Unplaced with { Y = Math.Min(bottom, DashboardLimits.MaxGridY) }).ToList();
        var order = Enumerable.Range(0, wanted.Count).OrderBy(i => wanted[i].Y).ThenBy(i => wanted[i].X).ThenBy(i => i).ToList();
        var result = new GridPos[wanted.Count];
        var placed = new List<GridPos>();
        foreach (var i in order)
        {
            var grid = wanted[i];
            var column = placed.Where(p => p.X < grid.Right && grid.X < p.Right).OrderBy(p => p.Y).ToList();
            var y = grid.Y;
            if (!column.Any(p => p.Y < y + grid.H && y < p.Bottom))
            {
                y = column.Where(p => p.Bottom <= grid.Y).Select(p => p.Bottom).DefaultIfEmpty(0).Max();
            }

            // Below whatever it overlaps: any place above an overlapping panel's bottom still overlaps it, so the first
            // free place is found in one pass over the panels above and below, in order of their tops.
            foreach (var p in column)
            {
                if (p.Y >= y + grid.H) break;
                if (p.Bottom > y) y = p.Bottom;
            }

            grid = grid with { Y = y };
            placed.Add(grid);
            result[i] = grid;
        }

        return [.. result];
    }
}
