namespace AirisEpm.AlertService.Application;

/// <summary>
/// Silences one by one in the state store, each written before its API answer (a person's decision must
/// survive a crash right after the 2xx; the engine snapshot is only saved every few seconds).
/// </summary>
public interface ISilenceStateStore
{
    /// <summary>Saves the silences a write changed; kept until <paramref name="purgeAt"/> (end plus retention).</summary>
    Task SaveAsync(IReadOnlyList<SilenceRecord> silences, Func<SilenceRecord, DateTimeOffset> purgeAt, CancellationToken cancellationToken);

    /// <summary>Every saved silence not purged yet; throws when the store is unreachable.</summary>
    Task<IReadOnlyList<SilenceRecord>> LoadAsync(CancellationToken cancellationToken);
}
