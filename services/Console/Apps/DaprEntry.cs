using System.Text.Json;

namespace AirisEpm.WebConsole.Apps;

/// <summary>One row of GET /api/dapr: an app's sidecar metadata as daprd answers it, or why it could not be read.</summary>
public sealed record DaprEntry(string AppId, JsonElement? Metadata, string? Error);
