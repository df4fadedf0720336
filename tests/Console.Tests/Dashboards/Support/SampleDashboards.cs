using AirisEpm.WebConsole.Dashboards;

namespace AirisEpm.Console.Tests.Dashboards.Support;

/// <summary>Valid dashboards to start a test from.</summary>
public static class SampleDashboards
{
    public static Panel Panel(int id, GridPos grid, string expr = "sum(rate(http_server_request_duration_seconds_count[$__rate_interval])) by (job)") => new()
    {
        Id = id,
        Title = $"Panel {id}",
        Type = PanelTypes.TimeSeries,
        Grid = grid,
        Queries = [new PanelQuery("A", expr, "{{job}}")],
        Unit = "reqps",
    };

    public static Dashboard Valid(string title = "Service health") => new()
    {
        Title = title,
        Tags = ["team-a", "http"],
        Time = new DashboardTime("now-1h", "now"),
        Refresh = "30s",
        Variables =
        [
            new DashboardVariable { Name = "job", Label = "Job", Query = "label_values(up, job)", Multi = true, IncludeAll = true, Current = ["$__all"] },
        ],
        Panels =
        [
            Panel(1, new GridPos(0, 0, 12, 8)),
            Panel(2, new GridPos(12, 0, 12, 8)) with
            {
                Type = PanelTypes.Stat,
                Thresholds = [new Threshold(0.5, "orange"), new Threshold(1, "red")],
                Decimals = 2,
            },
            Panel(3, new GridPos(0, 8, 24, 6)) with { Type = PanelTypes.Table, Unit = null },
        ],
    };
}
