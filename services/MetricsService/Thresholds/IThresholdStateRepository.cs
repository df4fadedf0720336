namespace AirisEpm.MetricsService.Thresholds;

/// <summary>Keeps the threshold engine's snapshot where a restarted replica finds it.</summary>
public interface IThresholdStateRepository
{
    Task<ThresholdSnapshot?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(ThresholdSnapshot snapshot, CancellationToken cancellationToken);
}
