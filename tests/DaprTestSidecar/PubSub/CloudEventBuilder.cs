using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AirisEpm.DaprTestSidecar.PubSub;

/// <summary>
/// Wraps published data in the CloudEvent envelope daprd builds: id, source (the publisher's app id),
/// type, specversion, datacontenttype, data, topic, pubsubname, traceid/traceparent/tracestate, time;
/// then applies "cloudevent.*" metadata overrides and "ttlInSeconds" (the expiration field).
/// Data that already is a CloudEvent keeps its own fields; missing ones are filled in.
/// </summary>
public static class CloudEventBuilder
{
    public const string ContentType = "application/cloudevents+json";

    public static JsonObject Build(PublishRequest request, string publisherAppId, string traceparent, DateTimeOffset now)
    {
        var envelope = IsCloudEvent(request) && !IsRaw(request)
            ? JsonNode.Parse(request.Data)!.AsObject()
            : Wrap(request);
        envelope.TryAdd("id", Guid.NewGuid().ToString());
        envelope.TryAdd("source", publisherAppId);
        envelope.TryAdd("type", "com.dapr.event.sent");
        envelope.TryAdd("specversion", "1.0");
        envelope["topic"] = request.Topic;
        envelope["pubsubname"] = request.PubSubName;
        envelope["traceid"] = traceparent;
        envelope["traceparent"] = traceparent;
        envelope.TryAdd("tracestate", "");
        envelope.TryAdd("time", now.ToString("yyyy-MM-ddTHH:mm:ss.fffK", CultureInfo.InvariantCulture));
        if (request.Metadata.TryGetValue("ttlInSeconds", out var ttl) && int.TryParse(ttl, CultureInfo.InvariantCulture, out var seconds))
        {
            envelope["expiration"] = (now + TimeSpan.FromSeconds(seconds)).ToString("O", CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in request.Metadata)
        {
            if (key.StartsWith("cloudevent.", StringComparison.OrdinalIgnoreCase))
            {
                envelope[key["cloudevent.".Length..].ToLowerInvariant()] = value;
            }
        }

        return envelope;
    }

    private static JsonObject Wrap(PublishRequest request)
    {
        var contentType = IsRaw(request) ? "application/octet-stream" : request.DataContentType ?? "application/json";
        var envelope = new JsonObject { ["datacontenttype"] = contentType };
        if (IsRaw(request))
        {
            envelope["data_base64"] = Convert.ToBase64String(request.Data);
        }
        else if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && TryParse(request.Data) is { } json)
        {
            envelope["data"] = json;
        }
        else
        {
            envelope["data"] = Encoding.UTF8.GetString(request.Data);
        }

        return envelope;
    }

    private static bool IsRaw(PublishRequest request) =>
        request.Metadata.TryGetValue("rawPayload", out var raw) && bool.TryParse(raw, out var isRaw) && isRaw;

    private static bool IsCloudEvent(PublishRequest request) =>
        request.DataContentType?.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase) == true;

    private static JsonNode? TryParse(byte[] data)
    {
        try
        {
            return data.Length == 0 ? null : JsonNode.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
