using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// A Grafana dashboard JSON (the bare dashboard, or <c>{ "dashboard": ... }</c> as Grafana's API and exports wrap it),
/// schema versions up to 39, to a console <see cref="Dashboard"/>: layout (<see cref="RowsLayout"/> for the rows of
/// schemas before 16, <see cref="PanelsLayout"/> after, then <see cref="GridCompactor"/> as Grafana's grid draws it),
/// panels (<see cref="PanelMapper"/>), variables (<see cref="VariableMapper"/>), title, tags, time range and refresh.
/// Whatever does not map is listed with its JSON path and why. Pure: never throws on any JSON, and answers an error
/// only when the JSON is not a dashboard (not an object, or panels and rows that are not lists).
/// </summary>
public static class GrafanaImporter
{
    /// <summary>The newest dashboard schema this importer was written against (Grafana 10.x and 11.0).</summary>
    public const int KnownSchemaVersion = 39;

    public const string DefaultTitle = "Imported dashboard";

    private static readonly DashboardValidator Validator = new();

    public static GrafanaImport Import(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return GrafanaImport.Failed("", "the body must be a Grafana dashboard: a JSON object, or { \"dashboard\": { ... } }");
        }

        if (UnicodeCheck.FirstInvalid(json) is { } invalid)
        {
            return GrafanaImport.Failed(invalid, "this string is not valid Unicode text (bytes that are not UTF-8, or a lone surrogate escape)");
        }

        var dashboard = json;
        if (json.Property("dashboard") is { } wrapped)
        {
            if (wrapped.ValueKind != JsonValueKind.Object) return GrafanaImport.Failed("dashboard", "'dashboard' must be the dashboard's JSON object");
            dashboard = wrapped;
        }

        foreach (var list in new[] { "panels", "rows" })
        {
            if (dashboard.Property(list) is { ValueKind: not JsonValueKind.Array }) return GrafanaImport.Failed(list, $"'{list}' must be a list");
        }

        var panelCount = CountPanels(dashboard);
        if (panelCount > DashboardLimits.MaxPanels)
        {
            return GrafanaImport.Failed("panels", $"the dashboard has {panelCount} panels; at most {DashboardLimits.MaxPanels} can be imported");
        }

        var context = new ImportContext(DatasourceResolver.For(dashboard));
        if (dashboard.Int("schemaVersion") is > KnownSchemaVersion and var version)
        {
            context.Note("schemaVersion", $"schema version {version} is newer than {KnownSchemaVersion}; it was read as {KnownSchemaVersion}");
        }

        var variables = VariableMapper.Map(dashboard, context);
        var panels = Panels(dashboard, context);
        NoteDashboardExtras(dashboard, context);
        var result = new Dashboard
        {
            Title = Title(dashboard, context),
            Tags = Tags(dashboard, context),
            Time = Time(dashboard, context),
            Refresh = Refresh(dashboard, context),
            Variables = variables,
            Panels = panels,
        };

        var check = Validator.Validate(result);
        return check.IsValid
            ? new GrafanaImport(result, context.Unmapped, new Dictionary<string, string[]>())
            : new GrafanaImport(null, context.Unmapped, new Dictionary<string, string[]>(check.ToDictionary()));
    }

    private static List<Panel> Panels(JsonElement dashboard, ImportContext context)
    {
        var items = dashboard.Array("panels") is { } modern && modern.GetArrayLength() > 0
            ? PanelsLayout.Read(modern, "panels", context)
            : dashboard.Array("rows") is { } rows ? RowsLayout.Read(rows, context) : [];
        var mapped = PanelsLayout.Flatten(items)
            .Select(placed => (placed, panel: PanelMapper.Map(placed, context)))
            .Where(p => p.panel is not null)
            .ToList();
        foreach (var (placed, _) in mapped.Where(p => p.placed.Grid is null))
        {
            context.Note(placed.Path, "the panel has no gridPos; it is placed below the others");
        }

        var grids = GridCompactor.Compact([.. mapped.Select(p => p.placed.Grid)]);
        var ids = PanelIds([.. mapped.Select(p => p.panel!.Id)]);
        return [.. mapped.Select((p, i) => p.panel! with { Grid = grids[i], Id = ids[i] })];
    }

    /// <summary>Grafana's ids where they are positive and unique, the next free ones elsewhere.</summary>
    private static int[] PanelIds(IReadOnlyList<int> wanted)
    {
        var ids = new int[wanted.Count];
        var taken = new HashSet<int>();
        for (var i = 0; i < wanted.Count; i++)
        {
            if (wanted[i] > 0 && taken.Add(wanted[i])) ids[i] = wanted[i];
        }

        var next = 1;
        for (var i = 0; i < wanted.Count; i++)
        {
            if (ids[i] != 0) continue;
            while (!taken.Add(next)) next++;
            ids[i] = next;
        }

        return ids;
    }

    private static int CountPanels(JsonElement dashboard) =>
        dashboard.Array("panels").Items().Sum(p => 1 + p.Item.Array("panels").Items().Count())
        + dashboard.Array("rows").Items().Sum(r => r.Item.Array("panels").Items().Count());

    private static string Title(JsonElement dashboard, ImportContext context)
    {
        var title = (dashboard.String("title") ?? "").Trim();
        if (title.Length == 0)
        {
            context.Note("title", $"the dashboard has no title; it is called '{DefaultTitle}'");
            return DefaultTitle;
        }

        if (title.Length <= DashboardLimits.MaxTitle) return title;
        context.Note("title", $"the title is cut to {DashboardLimits.MaxTitle} characters");
        return title[..DashboardLimits.MaxTitle];
    }

    private static List<string> Tags(JsonElement dashboard, ImportContext context)
    {
        var tags = new List<string>();
        foreach (var (index, tag) in dashboard.Array("tags").Items())
        {
            var text = tag.ValueKind == JsonValueKind.String ? tag.GetString()!.Trim() : "";
            if (text.Length is 0 or > DashboardLimits.MaxTag)
            {
                context.Note($"tags[{index}]", $"a tag must be 1 to {DashboardLimits.MaxTag} characters; it is left out");
            }
            else if (tags.Count == DashboardLimits.MaxTags)
            {
                context.Note($"tags[{index}]", $"at most {DashboardLimits.MaxTags} tags are kept");
            }
            else if (!tags.Contains(text))
            {
                tags.Add(text);
            }
        }

        return tags;
    }

    private static DashboardTime Time(JsonElement dashboard, ImportContext context)
    {
        if (dashboard.Object("time") is not { } time) return DashboardTime.Default;
        var (from, to) = (time.String("from"), time.String("to"));
        if (TimeExpressions.IsTime(from) && TimeExpressions.IsTime(to)) return new DashboardTime(from!, to!);
        context.Note("time", $"the time range {from ?? "?"} to {to ?? "?"} is not one the console reads; it shows the last 6 hours");
        return DashboardTime.Default;
    }

    /// <summary>Grafana writes no refresh as "" or false.</summary>
    private static string? Refresh(JsonElement dashboard, ImportContext context)
    {
        if (dashboard.String("refresh") is not { Length: > 0 } refresh) return null;
        if (TimeExpressions.IsRefresh(refresh)) return refresh;
        context.Note("refresh", $"the refresh interval {VariableMapper.Shorten(refresh)} is not a whole number of s, m, h or d; the dashboard does not refresh");
        return null;
    }

    private static void NoteDashboardExtras(JsonElement dashboard, ImportContext context)
    {
        foreach (var (index, annotation) in dashboard.Object("annotations")?.Array("list").Items() ?? [])
        {
            if (annotation.Int("builtIn") == 1) continue; // Grafana's own "Annotations & Alerts", present in every dashboard
            context.Note($"annotations.list[{index}]", $"annotation '{annotation.String("name") ?? ""}' is not supported");
        }

        if (dashboard.Array("links") is { } links && links.GetArrayLength() > 0)
        {
            context.Note("links", $"{links.GetArrayLength()} dashboard link(s) are not supported");
        }
    }
}
