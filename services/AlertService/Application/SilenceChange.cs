using AirisEpm.AlertService.Domain.Silences;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// What one silence write did: the id the client uses from now on, the silences it changed, and each
/// one's previous version (null for a new silence), in the same order.
/// </summary>
public sealed record SilenceChange(string Id, IReadOnlyList<Silence> Changed, IReadOnlyList<Silence?> Before);
