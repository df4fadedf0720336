using AirisEpm.WebConsole.Dashboards;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>Where panels land: old rows, new rows (open and collapsed), and Grafana's compaction of the grid.</summary>
public sealed class GrafanaLayoutTests
{
    private const string Target = """ "targets": [{ "expr": "up", "refId": "A" }] """;

    private static List<GridPos> Grids(string json) => [.. GrafanaFixtures.Import(json).Dashboard!.Panels.Select(p => p.Grid)];

    private static string Graph(int id, string extra) =>
        $$"""{ "id": {{id}}, "type": "graph", "title": "p{{id}}", {{Target}}{{(extra.Length > 0 ? ", " + extra : "")}} }""";

    [Fact]
    public void Old_rows_become_grid_rows_span_times_two_wide_and_px_over_38_tall()
    {
        var grids = Grids($$"""
            { "title": "l", "schemaVersion": 14, "rows": [
              { "height": "250px", "panels": [{{Graph(1, "\"span\": 4")}}, {{Graph(2, "\"span\": 8")}}] },
              { "height": 300, "panels": [{{Graph(3, "\"span\": 12")}}] },
              { "panels": [{{Graph(4, "\"span\": 6, \"height\": \"100px\"")}}, {{Graph(5, "\"span\": 6, \"height\": 40")}}] } ] }
            """);

        // 250 px → ceil(250 / 38) = 7 rows; 300 → 8; a panel of 100 px → 3; under 90 px counts as 90 → 3.
        Assert.Equal([new(0, 0, 8, 7), new(8, 0, 16, 7), new(0, 7, 24, 8), new(0, 15, 12, 3), new(12, 15, 12, 3)], grids);
    }

    [Fact]
    public void A_panel_that_does_not_fit_the_rest_of_an_old_row_wraps_below_it()
    {
        var grids = Grids($$"""
            { "title": "l", "rows": [ { "height": 250, "panels": [{{Graph(1, "\"span\": 6")}}, {{Graph(2, "\"span\": 4")}}, {{Graph(3, "\"span\": 4")}}, {{Graph(4, "")}}] } ] }
            """);

        // 12 + 8 columns fill the row; the third (8 wide) wraps to a new band 7 rows down; the fourth (span 4 by default) joins it.
        Assert.Equal([new(0, 0, 12, 7), new(12, 0, 8, 7), new(0, 7, 8, 7), new(8, 7, 8, 7)], grids);
    }

    [Fact]
    public void A_collapsed_new_row_lays_its_panels_out_where_it_was_and_moves_the_rest_down()
    {
        var import = GrafanaFixtures.Import($$"""
            { "title": "l", "panels": [
              { "id": 1, "type": "timeseries", "gridPos": { "x": 0, "y": 0, "w": 24, "h": 5 }, {{Target}} },
              { "id": 2, "type": "row", "title": "More", "collapsed": true, "gridPos": { "x": 0, "y": 5, "w": 24, "h": 1 }, "panels": [
                { "id": 3, "type": "timeseries", "gridPos": { "x": 0, "y": 6, "w": 12, "h": 6 }, {{Target}} },
                { "id": 4, "type": "stat", "gridPos": { "x": 12, "y": 6, "w": 12, "h": 3 }, {{Target}} } ] },
              { "id": 5, "type": "row", "title": "Open", "collapsed": false, "gridPos": { "x": 0, "y": 6, "w": 24, "h": 1 }, "panels": [] },
              { "id": 6, "type": "table", "gridPos": { "x": 0, "y": 7, "w": 24, "h": 4 }, {{Target}} } ] }
            """);

        var panels = import.Dashboard!.Panels.ToDictionary(p => p.Id, p => p.Grid);
        Assert.Equal(new GridPos(0, 0, 24, 5), panels[1]);
        Assert.Equal(new GridPos(0, 5, 12, 6), panels[3]);
        Assert.Equal(new GridPos(12, 5, 12, 3), panels[4]);
        Assert.Equal(new GridPos(0, 11, 24, 4), panels[6]);
        Assert.Equal(["panels[1]", "panels[2]"], import.Unmapped.Select(u => u.Path));
        Assert.Contains("collapsed panels are laid out open", import.Unmapped[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_panels_are_pushed_down_and_holes_closed_as_grafanas_grid_does()
    {
        var grids = Grids($$"""
            { "title": "l", "panels": [
              { "id": 1, "type": "graph", "gridPos": { "x": 0, "y": 3, "w": 12, "h": 4 }, {{Target}} },
              { "id": 2, "type": "graph", "gridPos": { "x": 6, "y": 4, "w": 12, "h": 4 }, {{Target}} },
              { "id": 3, "type": "graph", "gridPos": { "x": 18, "y": 40, "w": 6, "h": 2 }, {{Target}} } ] }
            """);

        Assert.Equal([new(0, 0, 12, 4), new(6, 4, 12, 4), new(18, 0, 6, 2)], grids);
    }

    [Fact]
    public void Positions_outside_the_grid_are_brought_inside_and_a_panel_without_one_goes_to_the_bottom()
    {
        var import = GrafanaFixtures.Import($$"""
            { "title": "l", "panels": [
              { "id": 1, "type": "graph", "gridPos": { "x": 30, "y": -5, "w": 40, "h": 0 }, {{Target}} },
              { "id": 2, "type": "graph", "gridPos": { "x": 20, "y": 2.6, "w": "8", "h": 3 }, {{Target}} },
              { "id": 3, "type": "graph", {{Target}} } ] }
            """);

        Assert.Equal([new(0, 0, 24, 1), new(16, 1, 8, 3), new(0, 1, 12, 8)], import.Dashboard!.Panels.Select(p => p.Grid));
        Assert.Equal(new("panels[2]", "the panel has no gridPos; it is placed below the others"), Assert.Single(import.Unmapped));
    }

    [Fact]
    public void Grafana_panel_ids_are_kept_where_unique_and_replaced_where_missing_or_repeated()
    {
        var import = GrafanaFixtures.Import($$"""
            { "title": "l", "panels": [
              { "id": 7, "type": "graph", "gridPos": { "x": 0, "y": 0, "w": 6, "h": 2 }, {{Target}} },
              { "id": 7, "type": "graph", "gridPos": { "x": 6, "y": 0, "w": 6, "h": 2 }, {{Target}} },
              { "type": "graph", "gridPos": { "x": 12, "y": 0, "w": 6, "h": 2 }, {{Target}} },
              { "id": -3, "type": "graph", "gridPos": { "x": 18, "y": 0, "w": 6, "h": 2 }, {{Target}} } ] }
            """);

        Assert.Equal([7, 1, 2, 3], import.Dashboard!.Panels.Select(p => p.Id));
    }
}
