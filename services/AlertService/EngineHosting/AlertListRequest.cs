using AirisEpm.AlertService.Apis.Models;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>The query parameters of GET /api/v2/alerts and /alerts/groups as they travel to the engine.</summary>
public sealed record AlertListRequest(
    string[]? Filter = null,
    bool? Silenced = null,
    bool? Inhibited = null,
    bool? Active = null,
    bool? Unprocessed = null,
    string? Receiver = null)
{
    public (AlertQuery? Query, Dictionary<string, string[]> Errors) Parse() =>
        AlertQuery.Parse(Filter, Silenced, Inhibited, Active, Unprocessed, Receiver);
}
