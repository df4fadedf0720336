using System.Text.Json;

namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>
/// What a webhook notification says, in the terms the two systems are compared by: which group
/// (its <c>alertname</c>), the group's status, each alert as <c>instance:status</c> in the order the payload lists them
/// (then <c>+N</c> when <c>max_alerts</c> left N out), and when it arrived.
/// </summary>
internal sealed record Notified(string Group, string Status, string Alerts, TimeSpan At)
{
    public static Notified Of(Delivery delivery)
    {
        var payload = delivery.Payload;
        var alerts = payload.GetProperty("alerts").EnumerateArray()
            .Select(a => $"{a.GetProperty("labels").GetProperty("instance").GetString()}:{a.GetProperty("status").GetString()}");
        var truncated = payload.GetProperty("truncatedAlerts").GetInt32();
        if (truncated > 0) alerts = alerts.Append($"+{truncated}");
        return new Notified(
            payload.GetProperty("groupLabels").TryGetProperty("alertname", out var name) ? name.GetString()! : "",
            payload.GetProperty("status").GetString()!,
            string.Join(' ', alerts),
            delivery.At);
    }

    /// <summary>As <see cref="Of"/>, the group named by its receiver and every group label (routes that group by more than the alert name).</summary>
    public static Notified ByReceiver(Delivery delivery)
    {
        var payload = delivery.Payload;
        var groupLabels = payload.GetProperty("groupLabels").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").Order(StringComparer.Ordinal);
        return Of(delivery) with { Group = $"{payload.GetProperty("receiver").GetString()} {{{string.Join(',', groupLabels)}}}" };
    }

    /// <summary>The property names of a payload and of its first alert, to compare the two payload shapes.</summary>
    public static string Shape(JsonElement payload) =>
        string.Join(',', payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)) + " / "
        + string.Join(',', payload.GetProperty("alerts")[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    public override string ToString() => $"{At.TotalSeconds,5:0.00}s {Group} {Status} [{Alerts}]";
}
