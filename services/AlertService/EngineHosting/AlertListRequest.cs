using AirisEpm.AlertService.Apis.Models;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// The query parameters of GET /api/v2/alerts and /alerts/groups as they travel to the engine, and
/// which page of the answer (counted in alerts) to return: <see cref="Take"/> null means all.
/// Pages that share a <see cref="Listing"/> id are cut from one computed answer.
/// </summary>
public sealed record AlertListRequest(
    string[]? Filter = null,
    bool? Silenced = null,
    bool? Inhibited = null,
    bool? Active = null,
    bool? Unprocessed = null,
    string? Receiver = null,
    int Skip = 0,
    int? Take = null,
    string? Listing = null)
{
    public (AlertQuery? Query, Dictionary<string, string[]> Errors) Parse() =>
        AlertQuery.Parse(Filter, Silenced, Inhibited, Active, Unprocessed, Receiver);
}
