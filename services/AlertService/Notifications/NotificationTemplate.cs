using AirisEpm.GoTemplates;
using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Notifications;

/// <summary>
/// A receiver's custom text (email subject and html, Slack title and text, SMS text): a Go <c>text/template</c> on the
/// one template engine (<see cref="GoTemplate"/>), run on Alertmanager 0.25's notification data — <c>.Receiver</c>,
/// <c>.Status</c>, <c>.Alerts</c> (each <c>.Status .Labels .Annotations .StartsAt .EndsAt .GeneratorURL .Fingerprint</c>),
/// <c>.GroupLabels</c>, <c>.CommonLabels</c>, <c>.CommonAnnotations</c>, <c>.ExternalURL</c> — with its functions
/// (<c>toUpper toLower title join match safeHtml reReplaceAll stringSlice</c>). Also, as alert-service always offered:
/// <c>$labels</c>/<c>.Labels</c> and <c>$annotations</c>/<c>.Annotations</c> for the common labels and annotations,
/// Prometheus's <c>humanize</c> family and <c>trimSpace</c>. Not there: Alertmanager's default templates
/// (<c>{{ template "slack.default.title" . }}</c>), files named by <c>templates:</c>, and methods such as
/// <c>.Alerts.Firing</c> or <c>.CommonLabels.SortedPairs</c>: running them fails, and the caller sends its built-in text.
/// </summary>
public sealed class NotificationTemplate
{
    private const string Name = "notification";
    private const string Definitions = "{{$labels := .CommonLabels}}{{$annotations := .CommonAnnotations}}";

    private static readonly IReadOnlyDictionary<string, GoFunction> Functions = FunctionTable();

    private readonly GoTemplate _template;

    private NotificationTemplate(GoTemplate template) => _template = template;

    /// <summary>Parses; throws <see cref="GoTemplateException"/> with Go's message.</summary>
    public static NotificationTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new NotificationTemplate(GoTemplate.Parse(Name, Definitions + text, Functions));
    }

    /// <summary>Renders for <paramref name="payload"/>; throws <see cref="GoTemplateException"/> when running fails.</summary>
    public string Render(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var common = GoMap.Strings(payload.CommonLabels);
        var annotations = GoMap.Strings(payload.CommonAnnotations);
        return _template.Execute(new GoStruct("template.Data",
        [
            KeyValuePair.Create("Receiver", (object?)payload.Receiver),
            KeyValuePair.Create("Status", (object?)payload.Status),
            KeyValuePair.Create("Alerts", (object?)payload.Alerts.Select(Alert).ToList()),
            KeyValuePair.Create("GroupLabels", (object?)GoMap.Strings(payload.GroupLabels)),
            KeyValuePair.Create("CommonLabels", (object?)common),
            KeyValuePair.Create("CommonAnnotations", (object?)annotations),
            KeyValuePair.Create("ExternalURL", (object?)payload.ExternalUrl),
            KeyValuePair.Create("Labels", (object?)common),
            KeyValuePair.Create("Annotations", (object?)annotations),
        ]));
    }

    private static object? Alert(WebhookAlert alert) => new GoStruct("template.Alert",
    [
        KeyValuePair.Create("Status", (object?)alert.Status),
        KeyValuePair.Create("Labels", (object?)GoMap.Strings(alert.Labels)),
        KeyValuePair.Create("Annotations", (object?)GoMap.Strings(alert.Annotations)),
        KeyValuePair.Create("StartsAt", (object?)alert.StartsAt),
        KeyValuePair.Create("EndsAt", (object?)alert.EndsAt),
        KeyValuePair.Create("GeneratorURL", (object?)alert.GeneratorUrl),
        KeyValuePair.Create("Fingerprint", (object?)alert.Fingerprint),
    ]);

    private static Dictionary<string, GoFunction> FunctionTable()
    {
        var prometheus = PromTemplateFunctions.For(null, "", DateTimeOffset.UnixEpoch);
        var table = new Dictionary<string, GoFunction>(StringComparer.Ordinal);
        foreach (var name in new[] { "toUpper", "toLower", "title", "match", "safeHtml", "reReplaceAll", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage" })
        {
            table[name] = prometheus[name];
        }

        table["join"] = a => GoBuiltins.Arity(a, 2, "join") is [var sep, IReadOnlyList<object?> items]
            ? string.Join(GoValues.RequireString(sep, "join"), items.Select(i => GoValues.RequireString(i, "join")))
            : throw new GoTemplateException($"wrong type for value; expected []string; got {GoValues.TypeName(a[1])}");
        table["stringSlice"] = a => a.Select(i => (object?)GoValues.RequireString(i, "stringSlice")).ToList();
        table["trimSpace"] = a => GoValues.RequireString(GoBuiltins.Arity(a, 1, "trimSpace")[0], "trimSpace").Trim();
        return table;
    }
}
