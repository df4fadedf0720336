using System.ComponentModel.DataAnnotations;

namespace AirisEpm.AlertService.Rules;

/// <summary>How rule actors query other services (section <c>Rules</c>).</summary>
public sealed class RuleEvaluationOptions
{
    public const string Section = "Rules";

    /// <summary>
    /// 10 s per query: well under the shortest sensible evaluation interval (15 s), so a hung
    /// metrics-service turns into a failed evaluation before the next reminder is due.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 32 metric queries in flight at most: a burst of due reminders (after a restart, say) queues
    /// here instead of opening thousands of connections to metrics-service at once.
    /// </summary>
    [Range(1, 4096)]
    public int MaxConcurrentQueries { get; set; } = 32;

    /// <summary>
    /// 15 min between reconciler passes (every rule's actor started, the streaming set resynced):
    /// the longest a rule saved during a sidecar outage waits to be scheduled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>5 s before a failed pass (sidecar not up yet, store down) is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconcileRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
