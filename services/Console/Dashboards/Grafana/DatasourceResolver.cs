using System.Text.Json;
using System.Text.RegularExpressions;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Which data source plugin a panel, query or variable reads from, as far as the JSON tells. Grafana wrote three
/// shapes over the years: nothing (the default data source), a name ("Prometheus", "-- Mixed --", "${DS_PROM}",
/// "$datasource") and, since schema 33, a reference <c>{ "type": "prometheus", "uid": "..." }</c>. Names are resolved
/// through the export's <c>__inputs</c> and the dashboard's datasource variables; a name that resolves to nothing is
/// matched against the known plugin ids it contains ("Loki logs" → loki), and otherwise taken for Prometheus, the
/// only data source an AIRIS dashboard has (as the default data source is).
/// </summary>
internal sealed partial class DatasourceResolver
{
    public const string Prometheus = "prometheus";
    public const string Mixed = "mixed";

    private static readonly string[] KnownPlugins =
        ["loki", "elasticsearch", "influxdb", "graphite", "mysql", "postgres", "mssql", "tempo", "jaeger", "zipkin", "cloudwatch", "testdata", "opentsdb"];

    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);

    /// <summary>Reads <c>__inputs</c> (<c>DS_PROMETHEUS</c> → prometheus) and datasource variables (<c>ds</c> → its plugin).</summary>
    public static DatasourceResolver For(JsonElement dashboard)
    {
        var resolver = new DatasourceResolver();
        foreach (var (_, input) in dashboard.Array("__inputs").Items())
        {
            if (input.String("name") is { Length: > 0 } name && input.String("pluginId") is { Length: > 0 } plugin)
            {
                resolver._byName[name] = plugin;
            }
        }

        foreach (var (_, variable) in dashboard.Object("templating")?.Array("list").Items() ?? [])
        {
            if (variable.String("type") == "datasource" && variable.String("name") is { Length: > 0 } name)
            {
                resolver._byName[name] = variable.String("query") is { Length: > 0 } plugin ? plugin : Prometheus;
            }
        }

        return resolver;
    }

    /// <summary>The plugin id ("prometheus", "loki", "mixed", "grafana", ...) of a datasource field; null when it is absent.</summary>
    public string? Resolve(JsonElement? datasource) => datasource switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } name => ResolveName(name.GetString()!),
        { ValueKind: JsonValueKind.Object } reference => reference.String("type") is { Length: > 0 } type && type != "datasource"
            ? type
            : ResolveName(reference.String("uid") ?? ""),
        _ => null,
    };

    public static bool SpeaksPromQl(string? plugin) =>
        plugin is null || plugin == Prometheus || plugin.EndsWith("prometheus-datasource", StringComparison.Ordinal);

    private string ResolveName(string name)
    {
        switch (name.Trim())
        {
            case "" or "default": return Prometheus;
            case "-- Mixed --": return Mixed;
            case "-- Grafana --" or "grafana": return "grafana";
            case "-- Dashboard --": return "dashboard";
        }

        if (Reference().Match(name) is { Success: true } match)
        {
            return _byName.TryGetValue(match.Groups["name"].Value, out var plugin) ? plugin : Guess(match.Groups["name"].Value);
        }

        return Guess(name);
    }

    private static string Guess(string name)
    {
        var lower = name.ToLowerInvariant();
        return KnownPlugins.FirstOrDefault(plugin => lower.Contains(plugin, StringComparison.Ordinal)) ?? Prometheus;
    }

    [GeneratedRegex(@"^\s*(?:\$\{(?<name>\w+)(?::[^}]*)?\}|\[\[(?<name>\w+)\]\]|\$(?<name>\w+))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
