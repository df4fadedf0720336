using System.IO.Hashing;
using System.Text;

namespace AirisEpm.AlertService.Incidents;

/// <summary>
/// Ids derived from the group key, so every replica routes a group to the same actor, and an
/// incident id names its actor: "&lt;actor id&gt;-&lt;trigger time in ms&gt;".
/// </summary>
public static class IncidentIds
{
    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string ActorIdFor(string groupKey) =>
        Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(groupKey)));

    public static string IncidentId(string actorId, DateTimeOffset triggeredAt) =>
        $"{actorId}-{triggeredAt.ToUnixTimeMilliseconds()}";

    /// <summary>The actor id inside an incident id, or null when the id is not one of ours.</summary>
    public static string? ActorIdOf(string incidentId)
    {
        var dash = incidentId.IndexOf('-', StringComparison.Ordinal);
        return dash == 16 && !incidentId.AsSpan(0, 16).ContainsAnyExcept(Hex)
               && long.TryParse(incidentId.AsSpan(17), out _)
            ? incidentId[..16]
            : null;
    }
}
