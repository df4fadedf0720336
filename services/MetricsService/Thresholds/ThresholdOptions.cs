namespace AirisEpm.MetricsService.Thresholds;

/// <summary>Section <c>Metrics:Thresholds</c>.</summary>
public sealed class ThresholdOptions
{
    public const string Section = "Metrics:Thresholds";

    /// <summary>
    /// How often pending crossings are published and the engine snapshot saved when it changed.
    /// Short enough that an alert is paged within a second, long enough to batch a storm.
    /// </summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Back-off after the sidecar refused a publish or a save.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Tries to restore the snapshot at start (sidecars can come up after the app): about a minute.</summary>
    public int RestoreAttempts { get; set; } = 30;
}
