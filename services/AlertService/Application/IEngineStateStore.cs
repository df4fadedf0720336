namespace AirisEpm.AlertService.Application;

/// <summary>Where the engine's alerts, silences and notification log survive restarts.</summary>
public interface IEngineStateStore
{
    /// <summary>The last saved snapshot, or null when nothing was saved yet; throws when the store is unreachable.</summary>
    Task<EngineSnapshot?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(EngineSnapshot snapshot, CancellationToken cancellationToken);
}
