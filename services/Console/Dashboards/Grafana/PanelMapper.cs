using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// One Grafana panel to a console panel: <c>graph</c> and <c>timeseries</c> become time series, <c>stat</c>,
/// <c>singlestat</c> and <c>gauge</c> stats, <c>table</c> and <c>table-old</c> tables; other types, and panels left
/// with no Prometheus query, are not imported. What the console does not draw (transformations, field overrides,
/// links, repeats, series overrides, legacy alert rules, table column styles) is listed.
/// </summary>
internal static class PanelMapper
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["graph"] = PanelTypes.TimeSeries,
        ["timeseries"] = PanelTypes.TimeSeries,
        ["stat"] = PanelTypes.Stat,
        ["singlestat"] = PanelTypes.Stat,
        ["gauge"] = PanelTypes.Stat,
        ["table"] = PanelTypes.Table,
        ["table-old"] = PanelTypes.Table,
    };

    public static Panel? Map(PlacedPanel placed, ImportContext context)
    {
        var (panel, path) = (placed.Element, placed.Path);
        var title = Title(panel);
        var grafanaType = panel.String("type");
        if (grafanaType is null || !Types.TryGetValue(grafanaType, out var type))
        {
            context.Note(path, grafanaType is null
                ? $"{title} has no type and is not imported"
                : panel.Object("libraryPanel") is { } library && panel.Array("targets") is null
                    ? $"{title} is library panel '{library.String("name") ?? library.String("uid")}', whose model is not in this JSON"
                    : $"panel type {grafanaType} is not supported ({title})");
            return null;
        }

        var plugin = context.Datasources.Resolve(panel.Property("datasource"));
        var promQlTargets = panel.Array("targets").Items()
            .Any(t => t.Item.Property("datasource") is { } own && DatasourceResolver.SpeaksPromQl(context.Datasources.Resolve(own)));
        if (!DatasourceResolver.SpeaksPromQl(plugin) && plugin != DatasourceResolver.Mixed && !promQlTargets)
        {
            context.Note(path, $"{title} queries the {plugin} data source, not Prometheus, and is not imported");
            return null;
        }

        var queries = TargetMapper.Map(panel, path, plugin, context);
        if (queries.Count == 0)
        {
            context.Note(path, $"{title} has no Prometheus query to import");
            return null;
        }

        NoteUndrawn(panel, grafanaType, path, title, context);
        var (unit, decimals, thresholds) = FieldConfigMapper.Map(panel, grafanaType, path, title, context);
        return new Panel
        {
            Id = panel.Int("id") ?? 0,
            Title = Truncate(context.Constants.Apply(panel.String("title") ?? ""), DashboardLimits.MaxTitle),
            Type = type,
            Grid = placed.Grid ?? new GridPos(0, 0, 12, 8),
            Queries = queries,
            Unit = unit,
            Decimals = decimals,
            Thresholds = thresholds,
        };
    }

    private static void NoteUndrawn(JsonElement panel, string grafanaType, string path, string title, ImportContext context)
    {
        if (panel.Array("transformations") is { } transformations && transformations.GetArrayLength() > 0)
        {
            context.Note(JoinPath(path, "transformations"), $"{title}: transformations ({Ids(transformations)}) are not supported");
        }

        if (panel.Object("fieldConfig")?.Array("overrides") is { } overrides && overrides.GetArrayLength() > 0)
        {
            context.Note(JoinPath(path, "fieldConfig.overrides"), $"{title}: {overrides.GetArrayLength()} field override(s) are not supported");
        }

        if (panel.Array("links") is { } links && links.GetArrayLength() > 0)
        {
            context.Note(JoinPath(path, "links"), $"{title}: panel links are not supported");
        }

        if (panel.Array("seriesOverrides") is { } series && series.GetArrayLength() > 0)
        {
            context.Note(JoinPath(path, "seriesOverrides"), $"{title}: per-series overrides are not supported");
        }

        if (panel.Object("alert") is { } alert)
        {
            context.Note(JoinPath(path, "alert"), $"{title}: the legacy alert rule '{alert.String("name") ?? ""}' is not imported; create it under Alerts");
        }

        if (panel.String("repeat") is { Length: > 0 } repeat)
        {
            context.Note(JoinPath(path, "repeat"), $"{title} repeats for each value of ${repeat}; the console shows it once");
        }

        if (grafanaType is "table" or "table-old" && panel.Array("styles") is { } styles && styles.GetArrayLength() > 0)
        {
            context.Note(JoinPath(path, "styles"), $"{title}: column styles are not supported");
        }

        if (panel.String("transform") is { Length: > 0 } transform && transform != "timeseries_to_columns")
        {
            context.Note(JoinPath(path, "transform"), $"{title}: the table transform {transform} is not supported");
        }
    }

    private static string Title(JsonElement panel) =>
        panel.String("title") is { Length: > 0 } title ? $"panel '{VariableMapper.Shorten(title)}'" : "an untitled panel";

    private static string Ids(JsonElement transformations) =>
        string.Join(", ", transformations.EnumerateArray().Select(t => t.String("id") ?? "?"));

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static string JoinPath(string path, string name) => GrafanaJson.Join(path, name);
}
