using System.Globalization;
using System.Text.Json.Nodes;
using AirisEpm.GoTemplates;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// Prometheus 2.42's JSON for <c>/api/v1/rules</c> and <c>/api/v1/alerts</c>: groups with <c>name file rules interval
/// limit evaluationTime lastEvaluation</c>; alerting rules with <c>state name query duration keepFiringFor labels
/// annotations alerts health lastError evaluationTime lastEvaluation type</c>; recording rules with <c>name query labels
/// health lastError evaluationTime lastEvaluation type</c>; alerts with <c>labels annotations state activeAt value</c>
/// (the value in Go's <c>%e</c> shortest form, times in RFC 3339 with nanoseconds, the zero time when never).
/// Resolved alerts are not listed, as Prometheus lists only active ones.
/// </summary>
public static class PromRulesJson
{
    public static JsonObject Success(JsonNode data) => new() { ["status"] = "success", ["data"] = data };

    public static JsonObject Error(string type, string error) => new() { ["status"] = "error", ["errorType"] = type, ["error"] = error };

    public static JsonObject Group(string file, PromRuleGroup group, PromGroupState state, TimeSpan interval, Func<PromRule, bool> include)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(state);
        var statuses = state.AlignedTo(group);
        var rules = new JsonArray();
        for (var i = 0; i < group.Rules.Count; i++)
        {
            if (include(group.Rules[i])) rules.Add(Rule(group, group.Rules[i], statuses[i]));
        }

        return new JsonObject
        {
            ["name"] = group.Name,
            ["file"] = file,
            ["rules"] = rules,
            ["interval"] = interval.TotalSeconds,
            ["limit"] = group.Limit,
            ["evaluationTime"] = state.EvaluationSeconds,
            ["lastEvaluation"] = Time(state.LastEvaluation),
        };
    }

    public static JsonObject Alert(PromAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var json = new JsonObject
        {
            ["labels"] = Labels(alert.Labels),
            ["annotations"] = Labels(alert.Annotations),
            ["state"] = State(alert.State),
            ["activeAt"] = Time(alert.ActiveAt),
        };
        if (alert.KeepFiringSince is { } since) json["keepFiringSince"] = Time(since);
        json["value"] = GoFloat.Format(alert.Value, 'e', -1);
        return json;
    }

    /// <summary>The alerts Prometheus calls active: pending and firing.</summary>
    public static IEnumerable<PromAlert> Active(IEnumerable<PromAlert> alerts) => alerts.Where(a => a.State != PromAlertState.Inactive);

    private static JsonObject Rule(PromRuleGroup group, PromRule rule, PromRuleStatus status)
    {
        var labels = AlertingRuleEvaluator.MergedLabels(group.Labels, rule.Labels);
        var health = status.Health;
        var json = new JsonObject();
        if (rule is PromAlertingRule alerting)
        {
            var active = Active(status.Alerts).ToList();
            json["state"] = active.Any(a => a.State == PromAlertState.Firing) ? "firing" : active.Count > 0 ? "pending" : "inactive";
            json["name"] = rule.Name;
            json["query"] = Query(rule.Expr);
            json["duration"] = alerting.For.TotalSeconds;
            json["keepFiringFor"] = alerting.KeepFiringFor.TotalSeconds;
            json["labels"] = Labels(labels);
            json["annotations"] = Labels(alerting.Annotations);
            json["alerts"] = new JsonArray([.. active.Select(a => (JsonNode)Alert(a))]);
        }
        else
        {
            json["name"] = rule.Name;
            json["query"] = Query(rule.Expr);
            if (labels.Count > 0) json["labels"] = Labels(labels);
        }

        json["health"] = health.Health;
        if (!string.IsNullOrEmpty(health.LastError)) json["lastError"] = health.LastError;
        json["evaluationTime"] = health.EvaluationSeconds;
        json["lastEvaluation"] = Time(health.LastEvaluation);
        json["type"] = rule is PromAlertingRule ? "alerting" : "recording";
        return json;
    }

    private static string State(PromAlertState state) => state switch
    {
        PromAlertState.Firing => "firing",
        PromAlertState.Pending => "pending",
        _ => "inactive",
    };

    /// <summary>The expression as Prometheus prints it (its canonical form).</summary>
    private static string Query(string expr)
    {
        try
        {
            return PromQlParser.ParseExpr(expr).ToString();
        }
        catch (ParseException)
        {
            return expr;
        }
    }

    private static JsonObject Labels(IReadOnlyDictionary<string, string> labels)
    {
        var json = new JsonObject();
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal)) json[name] = value;
        return json;
    }

    /// <summary>Go's <c>time.Time</c> JSON: RFC 3339 with up to nine fraction digits, UTC as <c>Z</c>; never is <c>0001-01-01T00:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset? time)
    {
        if (time is not { } t) return "0001-01-01T00:00:00Z";
        var utc = t.ToUniversalTime();
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + "Z";
    }
}
