using System.Text.Json;
using AirisEpm.DaprTestSidecar.Components;
using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.PubSub;

/// <summary>Reads GET /dapr/subscribe: route, or routes {rules, default}, and deadLetterTopic per topic.</summary>
public static class SubscriptionReader
{
    public static async Task<IReadOnlyList<SubscriptionDefinition>> ReadAsync(AppChannel channel, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "dapr/subscribe");
        using var response = await channel.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return Parse(body);
    }

    public static IReadOnlyList<SubscriptionDefinition> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return document.RootElement.EnumerateArray().Select(Read).ToList();
    }

    private static SubscriptionDefinition Read(JsonElement item)
    {
        var routes = Property(item, "routes");
        var rules = Property(routes, "rules") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(rule => new RouteRule(Text(rule, "match") ?? "", Text(rule, "path") ?? "")).ToList()
            : [];
        return new SubscriptionDefinition(
            Text(item, "pubsubname") ?? "",
            Text(item, "topic") ?? "",
            rules,
            Text(routes, "default") ?? Text(item, "route"),
            Text(item, "deadLetterTopic"),
            []);
    }

    /// <summary>Field names match case-insensitively, as Go's JSON decoding in daprd does ("pubsubName" = "pubsubname").</summary>
    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
            : default;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
