using System.Text.Json.Serialization;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>API v2 <c>postableAlert</c>.</summary>
public sealed record PostableAlert(
    [property: JsonPropertyName("labels")] Dictionary<string, string>? Labels,
    [property: JsonPropertyName("annotations")] Dictionary<string, string>? Annotations = null,
    [property: JsonPropertyName("startsAt")] DateTimeOffset? StartsAt = null,
    [property: JsonPropertyName("endsAt")] DateTimeOffset? EndsAt = null,
    [property: JsonPropertyName("generatorURL")] string? GeneratorUrl = null)
{
    /// <summary>Go clients send the zero time (0001-01-01) for "unset"; it means the same as absent.</summary>
    public PostedAlert ToDomain() => new(
        LabelSet.From(Labels ?? []),
        Annotations is null ? null : LabelSet.From(Annotations),
        OrNull(StartsAt),
        OrNull(EndsAt),
        string.IsNullOrEmpty(GeneratorUrl) ? null : GeneratorUrl);

    public static PostableAlert From(PostedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new PostableAlert(new Dictionary<string, string>(alert.Labels.ToDictionary()),
            alert.Annotations is null ? null : new Dictionary<string, string>(alert.Annotations.ToDictionary()),
            alert.StartsAt, alert.EndsAt, alert.GeneratorUrl);
    }

    private static DateTimeOffset? OrNull(DateTimeOffset? at) => at is { Year: <= 1 } ? null : at;
}
