using System.Text.Json.Serialization;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// One notification for one alert group, in the shape of Alertmanager's webhook payload version 4.
/// Every channel renders from it, and the webhook receiver gets it as is, so existing Alertmanager
/// webhook consumers work unchanged.
/// </summary>
public sealed record WebhookPayload
{
    [JsonPropertyName("version")]
    public string Version { get; init; } = "4";

    [JsonPropertyName("groupKey")]
    public required string GroupKey { get; init; }

    [JsonPropertyName("truncatedAlerts")]
    public int TruncatedAlerts { get; init; }

    /// <summary>"firing" when any alert of the group fires, else "resolved".</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("receiver")]
    public required string Receiver { get; init; }

    [JsonPropertyName("groupLabels")]
    public required IReadOnlyDictionary<string, string> GroupLabels { get; init; }

    [JsonPropertyName("commonLabels")]
    public required IReadOnlyDictionary<string, string> CommonLabels { get; init; }

    [JsonPropertyName("commonAnnotations")]
    public required IReadOnlyDictionary<string, string> CommonAnnotations { get; init; }

    [JsonPropertyName("externalURL")]
    public required string ExternalUrl { get; init; }

    [JsonPropertyName("alerts")]
    public required IReadOnlyList<WebhookAlert> Alerts { get; init; }

    /// <summary>
    /// Set on an incident's pages only (an addition to Alertmanager's payload, absent from every group notification,
    /// which webhook consumers that do not know it ignore): the correlated groups and root cause the page stands for.
    /// </summary>
    [JsonPropertyName("incident")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IncidentNote? Incident { get; init; }

    public const string Firing = "firing";
    public const string Resolved = "resolved";

    /// <summary>
    /// This payload carrying only <paramref name="alerts"/> (some of its own), <paramref name="truncatedAlerts"/> of them
    /// left out by <c>max_alerts</c>: <c>status</c>, <c>commonLabels</c> and <c>commonAnnotations</c> describe the alerts
    /// kept, because Alertmanager builds its template data from the alerts an integration sends.
    /// </summary>
    public WebhookPayload Carrying(IReadOnlyList<WebhookAlert> alerts, int truncatedAlerts = 0)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentOutOfRangeException.ThrowIfNegative(truncatedAlerts);
        return this with
        {
            Alerts = alerts,
            TruncatedAlerts = truncatedAlerts,
            Status = alerts.Any(a => a.Status == Firing) ? Firing : Resolved,
            CommonLabels = CommonPairs.Of(alerts.Select(a => a.Labels)),
            CommonAnnotations = CommonPairs.Of(alerts.Select(a => a.Annotations)),
        };
    }
}

/// <summary>One alert inside a <see cref="WebhookPayload"/>.</summary>
public sealed record WebhookAlert
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("labels")]
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    [JsonPropertyName("annotations")]
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    [JsonPropertyName("startsAt")]
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>Alertmanager sends 0001-01-01T00:00:00Z for a firing alert with no end.</summary>
    [JsonPropertyName("endsAt")]
    public DateTimeOffset EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    public string GeneratorUrl { get; init; } = "";

    [JsonPropertyName("fingerprint")]
    public required string Fingerprint { get; init; }
}
