namespace AirisEpm.WebConsole.Dashboards;

/// <summary>One row of <c>GET /api/dashboards</c>, and of the state store's index of dashboards.</summary>
public sealed record DashboardSummary(string Id, string Title, IReadOnlyList<string> Tags, DateTimeOffset Updated);
