using System.ComponentModel.DataAnnotations;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>How Prometheus rule files are evaluated (section <c>Rules:Prometheus</c>), with Prometheus's defaults.</summary>
public sealed class PromRuleOptions
{
    public const string Section = "Rules:Prometheus";

    /// <summary>1 m: Prometheus's default <c>evaluation_interval</c>, for groups without an <c>interval</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>1 m: Prometheus's <c>--rules.alert.resend-delay</c>, how often a firing alert is sent again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ResendDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// 1 s: the shortest group interval honoured (a shorter one evaluates every second), since each evaluation is
    /// a reminder and a query per rule.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MinEvaluationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Prometheus's <c>external_labels</c>: <c>$externalLabels</c> in templates, and added to every sent alert that lacks them.</summary>
    public Dictionary<string, string> ExternalLabels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Prometheus's <c>--web.external-url</c>: <c>$externalURL</c>, and the base of each alert's generatorURL.</summary>
    public string ExternalUrl { get; set; } = "http://localhost:8004";

    /// <summary>
    /// Optional: rule files (a file, or a folder whose <c>*.yml</c>/<c>*.yaml</c> files are taken) loaded at start, each
    /// stored under its file name without extension, replacing a stored file of that name. A file that does not
    /// parse is logged and skipped; the others load.
    /// </summary>
    public string? LoadPath { get; set; }

    /// <summary>256 KiB: a rule file larger than this is refused (413).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 256 * 1024;
}
