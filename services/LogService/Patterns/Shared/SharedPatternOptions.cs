using System.ComponentModel.DataAnnotations;

namespace AirisEpm.LogService.Patterns.Shared;

/// <summary>
/// Pattern counts shared by the replicas through the Dapr state store (section <c>Logs:Patterns:Shared</c>). Off by
/// default: one replica, or replicas sharing one Elasticsearch store, count patterns in the store itself.
/// </summary>
public sealed class SharedPatternOptions : IValidatableObject
{
    public const string Section = "Logs:Patterns:Shared";

    /// <summary>On: each replica shares what it mined, and the patterns API answers with the counts of every replica.</summary>
    public bool Enabled { get; set; }

    /// <summary>How often a replica adds its new counts to the state store: what another replica's answer may lag by.</summary>
    public TimeSpan ShareInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an hour's counts stay in the state store (their TTL) and a replica that stopped sharing stays listed.
    /// Seven days: the console's longest pattern window.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>This replica's name in the state store's keys; empty: the host name and process id.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{0,64}$")]
    public string? ReplicaId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ShareInterval <= TimeSpan.Zero) yield return new ValidationResult("ShareInterval must be positive.", [nameof(ShareInterval)]);
        if (Retention < TimeSpan.FromHours(1)) yield return new ValidationResult("Retention must be at least an hour.", [nameof(Retention)]);
    }
}
