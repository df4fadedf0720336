using System.Text.Json.Serialization;
using AirisEpm.AlertService.Application;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>API v2 <c>gettableAlert</c>.</summary>
public sealed record GettableAlert(
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("endsAt")] DateTimeOffset EndsAt,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("receivers")] IReadOnlyList<ReceiverName> Receivers,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("status")] AlertStatus Status,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("generatorURL")] string GeneratorUrl,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels)
{
    public static GettableAlert From(AlertView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var alert = view.Alert;
        return new GettableAlert(
            alert.Annotations.ToDictionary(),
            alert.EndsAt,
            alert.Fingerprint.ToString(),
            [.. view.Receivers.Select(r => new ReceiverName(r))],
            alert.StartsAt,
            new AlertStatus([.. view.InhibitedBy.Select(f => f.ToString())], view.SilencedBy, view.State),
            alert.UpdatedAt,
            alert.GeneratorUrl ?? "",
            alert.Labels.ToDictionary());
    }
}

/// <summary>API v2 <c>alertStatus</c>: state is unprocessed, active or suppressed.</summary>
public sealed record AlertStatus(
    [property: JsonPropertyName("inhibitedBy")] IReadOnlyList<string> InhibitedBy,
    [property: JsonPropertyName("silencedBy")] IReadOnlyList<string> SilencedBy,
    [property: JsonPropertyName("state")] string State);

/// <summary>API v2 <c>receiver</c>.</summary>
public sealed record ReceiverName([property: JsonPropertyName("name")] string Name);

/// <summary>API v2 <c>alertGroup</c>.</summary>
public sealed record AlertGroup(
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("receiver")] ReceiverName Receiver,
    [property: JsonPropertyName("alerts")] IReadOnlyList<GettableAlert> Alerts);
