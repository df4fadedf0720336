using System.Text.Json.Nodes;
using AirisEpm.DaprTestSidecar.Components;
using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.Http;

/// <summary>
/// GET /v1.0/metadata in daprd's JSON (pkg/api/http/metadata.go): its field names, the default route of a subscription
/// as a rule with an empty match, subscription types DECLARATIVE / PROGRAMMATIC, durations as Go prints them, and daprd's
/// <c>omitempty</c> (an empty list or string is left out, as are appConnectionProperties.health and a zero port).
/// </summary>
internal static class MetadataJson
{
    public static JsonObject Write(SidecarDescription d)
    {
        var json = new JsonObject { ["id"] = d.Id, ["runtimeVersion"] = d.RuntimeVersion };
        AddList(json, "enabledFeatures", d.EnabledFeatures.Select(f => (JsonNode)f));
        AddList(json, "actors", d.ActiveActors.Select(Actor));
        AddList(json, "components", d.Components.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["type"] = c.Type,
            ["version"] = c.Version,
            ["capabilities"] = new JsonArray([.. c.Capabilities.Select(x => (JsonNode)x)]),
        }));
        json["extended"] = new JsonObject { ["daprRuntimeVersion"] = d.RuntimeVersion };
        AddList(json, "subscriptions", d.Subscriptions.Select(s =>
        {
            var item = new JsonObject { ["pubsubname"] = s.PubSubName, ["topic"] = s.Topic };
            var rules = s.Rules.Select(r => (r.Match, r.Path)).ToList();
            if (s.DefaultRoute is { Length: > 0 } route) rules.Add(("", route));
            AddList(item, "rules", rules.Select(r => Omit(new JsonObject { ["match"] = r.Match, ["path"] = r.Path })));
            item["deadLetterTopic"] = s.DeadLetterTopic ?? "";
            item["type"] = s.Declarative ? "DECLARATIVE" : "PROGRAMMATIC";
            return (JsonNode)item;
        }));
        AddList(json, "httpEndpoints", d.HttpEndpoints.Select(name => (JsonNode)new JsonObject { ["name"] = name }));
        json["appConnectionProperties"] = AppConnection(d.AppConnection);
        var runtime = new JsonObject { ["runtimeStatus"] = d.ActorRuntime.RuntimeStatus };
        AddList(runtime, "activeActors", d.ActiveActors.Select(Actor));
        runtime["hostReady"] = d.ActorRuntime.HostReady;
        if (d.ActorRuntime.Placement.Length > 0) runtime["placement"] = d.ActorRuntime.Placement;
        json["actorRuntime"] = runtime;
        return json;
    }

    private static JsonObject AppConnection(AppConnectionDescription app)
    {
        var json = Omit(new JsonObject { ["protocol"] = app.Protocol, ["channelAddress"] = app.ChannelAddress });
        if (app.Port > 0) json["port"] = app.Port;
        if (app.MaxConcurrency > 0) json["maxConcurrency"] = app.MaxConcurrency;
        if (app.Health is { } health)
        {
            json["health"] = new JsonObject
            {
                ["healthCheckPath"] = health.Path,
                ["healthProbeInterval"] = GoDuration.Format(health.ProbeInterval),
                ["healthProbeTimeout"] = GoDuration.Format(health.ProbeTimeout),
                ["healthThreshold"] = health.Threshold,
            };
        }

        return json;
    }

    private static JsonNode Actor((string Type, int Count) actor) => new JsonObject { ["type"] = actor.Type, ["count"] = actor.Count };

    private static void AddList(JsonObject target, string name, IEnumerable<JsonNode> items)
    {
        var list = new JsonArray([.. items]);
        if (list.Count > 0) target[name] = list;
    }

    /// <summary>Drops empty strings, as Go's omitempty does.</summary>
    private static JsonObject Omit(JsonObject json)
    {
        foreach (var key in json.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 0).Select(p => p.Key).ToList())
        {
            json.Remove(key);
        }

        return json;
    }
}
