using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>Scraping settings (section <c>Metrics:Scraping</c>).</summary>
public sealed class ScrapingOptions
{
    public const string Section = "Metrics:Scraping";

    /// <summary>
    /// Targets from configuration, scraped besides those in the state store. By default (appsettings.json, every
    /// environment) the five AIRIS apps' own /metrics, each through this service's sidecar by its app id.
    /// </summary>
    public List<DefaultScrapeTarget> DefaultTargets { get; set; } = [];

    /// <summary>15 s, Prometheus's customary interval and the period of the <c>scrape-tick</c> cron binding.</summary>
    [Range(1, 3600)]
    public int DefaultIntervalSeconds { get; set; } = 15;

    /// <summary>The <c>job</c> label when a target names none.</summary>
    [Required]
    public string DefaultJob { get; set; } = "scrape";

    /// <summary>10 s, Prometheus's default scrape_timeout: a slow target must not hold up the tick.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// A target is due when its last scrape is at most this much short of its interval: the cron
    /// ticks drift by some milliseconds, and without slack a 15 s target on a 15 s tick would be
    /// scraped only every other tick.
    /// </summary>
    [Range(0, 60)]
    public double ScheduleToleranceSeconds { get; set; } = 1;

    /// <summary>8 targets scraped at once: enough to finish a tick of dozens of targets in one timeout on 2 cores.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>16 MB of exposition text per target, far above a normal /metrics (tens of KB).</summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 16L * 1024 * 1024;
}

/// <summary>
/// A target from configuration, either a <see cref="Url"/> or a Dapr <see cref="AppId"/> (scraped at <see cref="Path"/>
/// through this service's sidecar, its <c>job</c> the app id unless <see cref="Job"/> says otherwise); its id is derived
/// from the URL it is scraped at.
/// </summary>
public sealed class DefaultScrapeTarget
{
    public string? Url { get; set; }

    public string? AppId { get; set; }

    public string Path { get; set; } = "/metrics";

    public string? Job { get; set; }

    public int? IntervalSeconds { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];
}
