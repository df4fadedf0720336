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
        string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var routes = item.TryGetProperty("routes", out var r) ? r : default;
        var rules = routes.ValueKind == JsonValueKind.Object && routes.TryGetProperty("rules", out var list) && list.ValueKind == JsonValueKind.Array
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
}
