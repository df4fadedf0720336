namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// One PromQL query of a panel. <see cref="Expr"/> may hold the dashboard's variables and the time macros
/// of <see cref="TimeMacros"/>; <see cref="Legend"/> is a Grafana legend format ("{{job}}"), null for the series' labels.
/// </summary>
public sealed record PanelQuery(string RefId, string Expr, string? Legend);
