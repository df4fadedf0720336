using AirisEpm.GoTemplates;

namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>What a rule's label and annotation templates see: <c>$labels</c>, <c>$externalLabels</c>, <c>$externalURL</c>, <c>$value</c>.</summary>
public sealed record PromTemplateData(
    IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> ExternalLabels, string ExternalUrl, double Value);

/// <summary>
/// A Prometheus rule template, handled as Prometheus handles one: the text is parsed (and run) after the definitions
/// <c>{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}</c>,
/// named <c>__alert_NAME</c>, with Prometheus's function table. Expansion errors become the text
/// <c>&lt;error expanding template: …&gt;</c>, as Prometheus writes them into the alert. Rule files' rules and alert-service's
/// own rules both use it; <see cref="Parse"/> keeps a template parsed for a rule that expands it at every evaluation.
/// </summary>
public sealed class PromTemplate
{
    private const string Definitions = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    /// <summary>The names every template may use, for parsing (they are bound to a clock and querier for each run).</summary>
    private static readonly IReadOnlyDictionary<string, GoFunction> ParseFunctions = PromTemplateFunctions.For(null, "", DateTimeOffset.UnixEpoch);

    private readonly string _name;
    private readonly GoTemplate _template;

    private PromTemplate(string name, string source, GoTemplate template)
    {
        _name = name;
        Source = source;
        _template = template;
    }

    public string Source { get; }

    /// <summary>Parses as promtool's check parses; throws <see cref="GoTemplateException"/> with Go's message.</summary>
    public static PromTemplate Parse(string alertName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = "__alert_" + alertName;
        return new PromTemplate(name, text, GoTemplate.Parse(name, Definitions + text, ParseFunctions));
    }

    /// <summary>Null when <paramref name="text"/> parses as promtool's check parses it; else Go's message.</summary>
    public static string? ParseError(string alertName, string text)
    {
        try
        {
            Parse(alertName, text);
            return null;
        }
        catch (GoTemplateException ex)
        {
            return ex.Message;
        }
    }

    public static string Expand(string alertName, string text, PromTemplateData data, DateTimeOffset now, ITemplateQuerier? querier)
    {
        PromTemplate template;
        try
        {
            template = Parse(alertName, text);
        }
        catch (GoTemplateException ex)
        {
            return $"<error expanding template: error parsing template __alert_{alertName}: {ex.Message}>";
        }

        return template.Expand(data, now, querier);
    }

    public string Expand(PromTemplateData data, DateTimeOffset now, ITemplateQuerier? querier)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            return _template.Execute(new GoStruct("template.tmplData",
            [
                KeyValuePair.Create("Labels", (object?)GoMap.Strings(data.Labels)),
                KeyValuePair.Create("ExternalLabels", (object?)GoMap.Strings(data.ExternalLabels)),
                KeyValuePair.Create("ExternalURL", (object?)data.ExternalUrl),
                KeyValuePair.Create("Value", (object?)data.Value),
            ]), PromTemplateFunctions.For(querier, data.ExternalUrl, now));
        }
        catch (GoTemplateException ex)
        {
            return $"<error expanding template: error executing template {_name}: {ex.Message}>";
        }
    }
}
