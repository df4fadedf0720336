namespace AirisEpm.AlertService.EngineHosting;

/// <summary>The filter of GET /api/v2/silences and which page of the answer to return: <see cref="Take"/> null means all.</summary>
public sealed record SilenceListRequest(string[]? Filter = null, int Skip = 0, int? Take = null, string? Listing = null);
