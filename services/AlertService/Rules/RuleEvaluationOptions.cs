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
    /// 1 h: the lifetime of the service token rule actors send (re-minted at half-life), short
    /// enough that a leaked token expires soon, long enough not to mint one per evaluation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
