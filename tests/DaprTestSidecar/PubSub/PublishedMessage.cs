using System.Text.Json.Nodes;

namespace AirisEpm.DaprTestSidecar.PubSub;

/// <summary>A message on a topic: its CloudEvent envelope as the broker stores it.</summary>
public sealed record PublishedMessage(string PubSubName, string Topic, JsonObject Envelope, string PublisherAppId)
{
    public string Id => Envelope["id"]?.GetValue<string>() ?? "";

    public DateTimeOffset? ExpiresAt =>
        Envelope["expiration"]?.GetValue<string>() is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
}
