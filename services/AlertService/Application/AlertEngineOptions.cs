using System.ComponentModel.DataAnnotations;

namespace AirisEpm.AlertService.Application;

/// <summary>How the alert engine runs (section <c>Alerting</c>).</summary>
public sealed class AlertEngineOptions
{
    public const string Section = "Alerting";

    /// <summary>
    /// alerting.yml beside the app: the routing configuration used until one is PUT through the API
    /// (a stored configuration always wins over the file).
    /// </summary>
    [Required]
    public string ConfigFile { get; set; } = "alerting.yml";

    /// <summary>
    /// Actor (default): the engine lives in one Dapr actor, so any number of replicas share one
    /// engine and page once. InProcess: each process runs its own engine, with no sidecar needed;
    /// only for tests and a single replica, since two replicas would each page.
    /// </summary>
    public EngineHostingMode Hosting { get; set; } = EngineHostingMode.Actor;

    /// <summary>
    /// 5s: how often each replica calls the engine actor, which keeps it active and, after the replica
    /// holding it died, has placement activate it elsewhere within this delay.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan EnginePingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// 1s: how often group timers are checked. group_wait and group_interval are tens of seconds,
    /// so a second of lateness is invisible while the check itself is cheap (a priority-queue peek).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// 2s: alerts and the notification log are saved at most this often. Alert storms change state many
    /// times a second; one save covers them, and a crash loses at most this window: alerts are
    /// at-least-once through Prometheus's re-sending (every evaluation interval), and a notification
    /// sent inside the window may be sent again after a crash. People's decisions (silences, the
    /// configuration, escalation policies, acknowledgements) do not wait for this: each is in the
    /// state store before its answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PersistDebounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// 2s: the first wait before a failed integration (one Slack webhook, one email address) is tried
    /// again; the wait doubles up to <see cref="NotificationRetryMax"/> until it is delivered or the
    /// group's next flush supersedes it. Only the integrations that failed are retried.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan NotificationRetryInitial { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>1min: the longest wait between attempts; a receiver down for an hour is tried about once a minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan NotificationRetryMax { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// 2s: wait between attempts to restore the saved state at start; the sidecar often comes up
    /// after the app, and nothing is saved (or paged) before the restore succeeded.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan RestoreRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// 15s: how often a replica re-reads the stored configuration, so a PUT on another replica
    /// reaches it within this delay.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ConfigRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Alerts that start within this of each other on connected services belong to one incident.
    /// Five minutes covers a cascade through a few retry/timeout layers without merging unrelated noise.
    /// </summary>
    public TimeSpan CorrelationWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// 30 days: how long an alert from a <c>metrics.threshold-crossed</c> firing event lasts when its
    /// resolved event never arrives. Those events are transitions only, so the usual 5m resolve
    /// timeout would resolve a still-breaching series; a month bounds an alert orphaned by a lost event.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan EventAlertHorizon { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The externalURL of notifications and the status API: where people open alert-service.</summary>
    [Required]
    public Uri ExternalUrl { get; set; } = new("http://localhost:8004");
}

/// <summary>Where the alert engine runs: see <see cref="AlertEngineOptions.Hosting"/>.</summary>
public enum EngineHostingMode
{
    Actor,
    InProcess,
}
