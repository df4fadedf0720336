using System.ComponentModel.DataAnnotations;

namespace AirisEpm.LogService.Anomalies;

/// <summary>How log anomalies are found (section <c>Logs:Anomalies</c>). Every default is a trade between pages and misses.</summary>
public sealed class LogAnomalyOptions
{
    public const string Section = "Logs:Anomalies";

    public bool Enabled { get; set; } = true;

    /// <summary>1 minute: the resolution of an alert rule's "for", short enough to page while a burst lasts.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// 30 windows (half an hour) of history make a pattern's baseline: its mean count per window,
    /// zeros included, so a pattern that is usually quiet has a low baseline.
    /// </summary>
    [Range(3, 1440)]
    public int BaselineWindows { get; set; } = 30;

    /// <summary>
    /// 10 windows after a service is first seen, every pattern is new: only after them is a new
    /// pattern news. Also the least history a pattern needs before its spikes count.
    /// </summary>
    [Range(1, 1440)]
    public int WarmUpWindows { get; set; } = 10;

    /// <summary>A window 5× the baseline is a spike: ordinary traffic varies by less, a failure loop by far more.</summary>
    [Range(1.5, 1000)]
    public double SpikeFactor { get; set; } = 5;

    /// <summary>20 lines at least: on a quiet pattern, 3 lines instead of 0.5 is not worth a page.</summary>
    [Range(1, 1_000_000)]
    public long MinSpikeCount { get; set; } = 20;

    /// <summary>A new pattern pages when it shows up at least this often in its first window (a one-off line rarely matters).</summary>
    [Range(1, 1_000_000)]
    public long MinNewPatternCount { get; set; } = 3;

    /// <summary>
    /// The error share must grow by 20 points and to 3× its usual share, with at least 20 error lines:
    /// a service at 1 % errors pages at 21 %, one at 30 % never pages on share alone (its patterns still can).
    /// </summary>
    [Range(0.01, 1)]
    public double ErrorRateIncrease { get; set; } = 0.2;

    [Range(1.1, 100)]
    public double ErrorRateFactor { get; set; } = 3;

    [Range(1, 1_000_000)]
    public long MinErrorCount { get; set; } = 20;

    /// <summary>At most this many (service, pattern) series are tracked; the least recently seen are forgotten (bounded memory).</summary>
    [Range(100, 10_000_000)]
    public int MaxTrackedPatterns { get; set; } = 100_000;

    /// <summary>Lines kept as samples per anomaly.</summary>
    [Range(0, 20)]
    public int Samples { get; set; } = 3;
}
