using System.ComponentModel.DataAnnotations;

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

    public static readonly TimeSpan DefaultResendInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// 1 min, Prometheus's resend delay: while a series keeps breaching, its firing crossing is
    /// published again this often, so alert-service rebuilds an alert it lost (a crash before its
    /// state was saved) within a minute instead of never.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ResendInterval { get; set; } = DefaultResendInterval;

    /// <summary>Back-off after the sidecar refused a publish or a save.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Tries to restore the snapshot at start (sidecars can come up after the app): about a minute.</summary>
    public int RestoreAttempts { get; set; } = 30;
}
