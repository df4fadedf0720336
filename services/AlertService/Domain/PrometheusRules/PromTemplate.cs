using AirisEpm.GoTemplates;

namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>What a rule's label and annotation templates see: <c>$labels</c>, <c>$externalLabels</c>, <c>$externalURL</c>, <c>$value</c>.</summary>
public sealed record PromTemplateData(
    IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> ExternalLabels, string ExternalUrl, double Value);

/// <summary>
/// A Prometheus rule template, handled as Prometheus handles one: the text is parsed (and run) after the definitions
/// <c>{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}</c>,
/// named <c>__alert_NAME</c>, with Prometheus's function table. Expansion errors become the text
/// <c>&lt;error expanding template: …&gt;</c>, as Prometheus writes them into the alert.
/// </summary>
public static class PromTemplate
{
    private const string Definitions = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    /// <summary>The names every template may use, for parsing (they are never run with this table).</summary>
    private static readonly IReadOnlyDictionary<string, GoFunction> ParseFunctions = PromTemplateFunctions.For(null, "", DateTimeOffset.UnixEpoch);

    /// <summary>Null when <paramref name="text"/> parses as promtool's check parses it; else Go's message.</summary>
    public static string? ParseError(string alertName, string text)
    {
        try
        {
            GoTemplate.Parse("__alert_" + alertName, Definitions + text, ParseFunctions);
            return null;
        }
        catch (GoTemplateException ex)
        {
            return ex.Message;
        }
    }

    public static string Expand(string alertName, string text, PromTemplateData data, DateTimeOffset now, ITemplateQuerier? querier)
    {
        ArgumentNullException.ThrowIfNull(data);
        var name = "__alert_" + alertName;
        var functions = PromTemplateFunctions.For(querier, data.ExternalUrl, now);
        GoTemplate template;
        try
        {
            template = GoTemplate.Parse(name, Definitions + text, functions);
        }
        catch (GoTemplateException ex)
        {
            return $"<error expanding template: error parsing template {name}: {ex.Message}>";
        }

        try
        {
            return template.Execute(new GoStruct("template.tmplData",
            [
                KeyValuePair.Create("Labels", (object?)GoMap.Strings(data.Labels)),
                KeyValuePair.Create("ExternalLabels", (object?)GoMap.Strings(data.ExternalLabels)),
                KeyValuePair.Create("ExternalURL", (object?)data.ExternalUrl),
                KeyValuePair.Create("Value", (object?)data.Value),
            ]));
        }
        catch (GoTemplateException ex)
        {
            return $"<error expanding template: error executing template {name}: {ex.Message}>";
        }
    }
}
