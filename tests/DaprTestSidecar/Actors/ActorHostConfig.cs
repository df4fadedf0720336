using System.Text.Json;
using AirisEpm.DaprTestSidecar.Components;

namespace AirisEpm.DaprTestSidecar.Actors;

/// <summary>
/// An app's GET /dapr/config answer: the actor types it hosts and its idle settings. The double runs
/// actors with reentrancy off (<see cref="ActorTurns"/>), so an app that turns it on is refused.
/// </summary>
public sealed record ActorHostConfig(IReadOnlyList<string> Entities, TimeSpan IdleTimeout, TimeSpan ScanInterval)
{
    /// <summary>daprd's defaults: actors idle for an hour are deactivated, checked every 30 seconds.</summary>
    public static readonly ActorHostConfig None = new([], TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));

    public static ActorHostConfig Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var entities = root.TryGetProperty("entities", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];
        if (root.TryGetProperty("reentrancy", out var reentrancy) && reentrancy.ValueKind == JsonValueKind.Object
            && reentrancy.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True)
        {
            throw new NotSupportedException("The Dapr sidecar double runs actors with reentrancy off; this app's /dapr/config enables it.");
        }

        return new ActorHostConfig(entities, Duration(root, "actorIdleTimeout", None.IdleTimeout), Duration(root, "actorScanInterval", None.ScanInterval));
    }

    private static TimeSpan Duration(JsonElement root, string name, TimeSpan fallback) =>
        root.TryGetProperty(name, out var value) && GoDuration.TryParse(value.GetString(), out var parsed) ? parsed : fallback;
}
