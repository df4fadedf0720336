using System.Text.Json;
using System.Text.Json.Nodes;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Prometheus.Rules;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MetricsService.Apis;

/// <summary>
/// Prometheus's <c>/api/v1/rules</c> and <c>/api/v1/alerts</c>, answered from alert-service: the groups of its Prometheus
/// rule files as it writes them, then its native rules (see <see cref="PromRuleMapping"/>), one group each. The alerts
/// are the active alerts of those rules. alert-service unreachable or failing is Prometheus's <c>unavailable</c>, 503.
/// </summary>
public static class PrometheusRulesApi
{
    private static readonly string[] RuleTypes = ["alert", "record"];

    public static IEndpointRouteBuilder MapPrometheusRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Prometheus rules").RequireAuthorization(Permissions.MetricsRead)
            .AddEndpointFilter<PromErrorFilter>();
        api.MapGet("/rules", RulesAsync).WithName("PromRules");
        api.MapGet("/alerts", AlertsAsync).WithName("PromAlerts");
        return app;
    }

    /// <summary>Filters as Prometheus's: <c>type</c> (alert or record), <c>rule_name[]</c>, <c>rule_group[]</c>, <c>file[]</c>, <c>exclude_alerts</c>.</summary>
    public static async Task<PromResult> RulesAsync(HttpRequest request, IAlertServiceRules rules, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var type = form.Value("type").ToLowerInvariant();
        if (type.Length > 0 && !RuleTypes.Contains(type))
        {
            throw PromApiException.InvalidParameter("type", $"not supported value \"{form.Value("type")}\"");
        }

        var excludeAlerts = form.Value("exclude_alerts") switch
        {
            "" or "false" => false,
            "true" => true,
            var other => throw PromApiException.InvalidParameter("exclude_alerts", $"strconv.ParseBool: parsing \"{other}\": invalid syntax"),
        };
        var names = form.Values("rule_name[]").ToHashSet(StringComparer.Ordinal);
        var groups = form.Values("rule_group[]").ToHashSet(StringComparer.Ordinal);
        var files = form.Values("file[]").ToHashSet(StringComparer.Ordinal);
        bool Include(string? name, string? ruleType) =>
            (type.Length == 0 || (type == "alert") == (ruleType == "alerting")) && (names.Count == 0 || names.Contains(name ?? ""));
        var set = await ListAsync(rules, cancellationToken);
        var answer = new List<JsonObject>();
        foreach (var group in set.PrometheusGroups.Concat(set.Native.Select(NativeGroup)))
        {
            if ((groups.Count > 0 && !groups.Contains(Text(group, "name") ?? "")) || (files.Count > 0 && !files.Contains(Text(group, "file") ?? "")))
            {
                continue;
            }

            var kept = new JsonArray();
            foreach (var rule in (group["rules"] as JsonArray ?? []).OfType<JsonObject>().Where(r => Include(Text(r, "name"), Text(r, "type"))))
            {
                var copy = (JsonObject)rule.DeepClone();
                if (excludeAlerts)
                {
                    copy.Remove("alerts");
                }

                kept.Add(copy);
            }

            if (kept.Count > 0)
            {
                var copyOfGroup = (JsonObject)group.DeepClone();
                copyOfGroup["rules"] = kept;
                answer.Add(copyOfGroup);
            }
        }

        return PromResult.Success(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("groups");
            foreach (var group in answer)
            {
                group.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static async Task<PromResult> AlertsAsync(IAlertServiceRules rules, CancellationToken cancellationToken)
    {
        var set = await ListAsync(rules, cancellationToken);
        var alerts = set.PrometheusGroups.Concat(set.Native.Select(NativeGroup))
            .SelectMany(g => (g["rules"] as JsonArray ?? []).OfType<JsonObject>())
            .SelectMany(r => (r["alerts"] as JsonArray ?? []).OfType<JsonObject>())
            .ToList();
        return PromResult.Success(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("alerts");
            foreach (var alert in alerts)
            {
                alert.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<AlertServiceRuleSet> ListAsync(IAlertServiceRules rules, CancellationToken cancellationToken)
    {
        try
        {
            var set = await rules.ListAsync(cancellationToken);
            return set with { Native = [.. set.Native.OrderBy(r => r.Rule.Rule?.Name ?? r.Rule.Id, StringComparer.Ordinal)] };
        }
        catch (ServiceCallException e)
        {
            throw new PromApiException(new PromApiError(PromApiError.UnavailableType, $"the rules live in alert-service, which gave no answer: {e.Message}"));
        }
    }

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A native rule's group in Prometheus's JSON.</summary>
    private static JsonObject NativeGroup((AlertServiceRule Rule, AlertServiceRuleState? State) native)
    {
        var group = PromRuleMapping.Group(native.Rule, native.State);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, PromJson.WriterOptions))
        {
            WriteGroup(writer, group, excludeAlerts: false);
        }

        return (JsonObject)JsonNode.Parse(buffer.ToArray())!;
    }

    private static void WriteGroup(Utf8JsonWriter writer, PromRuleGroup group, bool excludeAlerts)
    {
        writer.WriteStartObject();
        writer.WriteString("name", group.Name);
        writer.WriteString("file", group.File);
        writer.WriteStartArray("rules");
        foreach (var rule in group.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("state", rule.State);
            writer.WriteString("name", rule.Name);
            writer.WriteString("query", rule.Query);
            writer.WriteNumber("duration", rule.DurationSeconds);
            writer.WriteNumber("keepFiringFor", rule.KeepFiringForSeconds);
            WriteMap(writer, "labels", rule.Labels);
            WriteMap(writer, "annotations", rule.Annotations);
            if (!excludeAlerts)
            {
                writer.WriteStartArray("alerts");
                foreach (var alert in rule.Alerts)
                {
                    WriteAlert(writer, alert);
                }

                writer.WriteEndArray();
            }

            writer.WriteString("health", rule.Health);
            if (rule.LastError is { } error)
            {
                writer.WriteString("lastError", error);
            }

            writer.WriteNumber("evaluationTime", 0);
            writer.WriteString("lastEvaluation", GoTime(rule.LastEvaluation));
            writer.WriteString("type", "alerting");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("interval", group.IntervalSeconds);
        writer.WriteNumber("limit", 0);
        writer.WriteNumber("evaluationTime", 0);
        writer.WriteString("lastEvaluation", GoTime(group.LastEvaluation));
        writer.WriteEndObject();
    }

    private static void WriteAlert(Utf8JsonWriter writer, PromAlert alert)
    {
        writer.WriteStartObject();
        WriteMap(writer, "labels", alert.Labels);
        WriteMap(writer, "annotations", alert.Annotations);
        writer.WriteString("state", alert.State);
        writer.WriteString("activeAt", GoTime(alert.ActiveAt));
        if (alert.KeepFiringSince is { } since)
        {
            writer.WriteString("keepFiringSince", GoTime(since));
        }

        writer.WriteString("value", alert.Value);
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, string property, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject(property);
        foreach (var (name, value) in map)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Go's <c>time.RFC3339Nano</c> in UTC (fraction without trailing zeros); Go's zero time when there is none.</summary>
    private static string GoTime(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture) : "0001-01-01T00:00:00Z";
}
