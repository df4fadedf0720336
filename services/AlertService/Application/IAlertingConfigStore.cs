namespace AirisEpm.AlertService.Application;

/// <summary>Where the API-managed routing configuration lives, shared by every replica.</summary>
public interface IAlertingConfigStore
{
    /// <summary>The saved configuration, or null when none was ever PUT.</summary>
    Task<StoredAlertingConfig?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(StoredAlertingConfig config, CancellationToken cancellationToken);
}
