namespace AirisEpm.AlertService.Application;

/// <summary>Where the API-managed routing configuration lives, shared by every replica.</summary>
public interface IAlertingConfigStore
{
    /// <summary>The saved configuration, or null when none was ever PUT.</summary>
    Task<StoredAlertingConfig?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>The saved configuration and its ETag (null, null when none was ever PUT), for <see cref="TrySaveAsync"/>.</summary>
    Task<(StoredAlertingConfig? Config, string? ETag)> LoadForUpdateAsync(CancellationToken cancellationToken);

    /// <summary>Saves unless another writer saved since <paramref name="etag"/> was read (then false).</summary>
    Task<bool> TrySaveAsync(StoredAlertingConfig config, string? etag, CancellationToken cancellationToken);
}
