namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>The answer of <c>POST /api/dashboards/import</c>: the dashboard (with its id once saved) and what did not map.</summary>
public sealed record GrafanaImportResponse(Dashboard Dashboard, IReadOnlyList<UnmappedItem> Unmapped);
