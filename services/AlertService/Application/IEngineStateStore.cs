namespace AirisEpm.AlertService.Application;

/// <summary>Where the engine's alerts, silences and notification log survive restarts.</summary>
public interface IEngineStateStore
{
    /// <summary>The last saved snapshot, or null when nothing was saved yet; throws when the store is unreachable.</summary>
    Task<EngineSnapshot?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Saves the whole engine; what was appended before no longer counts.</summary>
    Task SaveAsync(EngineSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a delta on top of the last save (what <see cref="LoadAsync"/> answers has it applied). All of it counts
    /// or none: a failure leaves the saved state as it was, and the caller's next save is whole.
    /// </summary>
    Task AppendAsync(EngineDelta delta, CancellationToken cancellationToken);
}
