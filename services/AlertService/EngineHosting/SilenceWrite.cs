using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// What creating, updating or expiring a silence did: the silence id, or why it was refused
/// (a result, not an exception, because it crosses the actor boundary).
/// </summary>
public sealed record SilenceWrite(string? SilenceId, SilenceFailure? Failure = null, string? Message = null,
    Dictionary<string, string[]>? Errors = null)
{
    public static SilenceWrite From(SilenceException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var errors = refused.Errors.Count > 0
            ? refused.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray())
            : new Dictionary<string, string[]> { ["silence"] = [refused.Message] };
        return new SilenceWrite(null, refused.Kind, refused.Message, errors);
    }
}
