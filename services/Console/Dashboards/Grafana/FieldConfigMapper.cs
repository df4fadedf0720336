using System.Globalization;
using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Unit, decimals and thresholds, from wherever the panel's Grafana version kept them:
/// <c>fieldConfig.defaults</c> (Grafana 7 on); <c>format</c>, <c>decimals</c> and the <c>"70,90"</c> thresholds with
/// <c>colors</c> of a singlestat; <c>yaxes[0].format</c> (or the older <c>y_formats[0]</c>) and the threshold lines of
/// a graph. Grafana's plain-number units (short, none) read as null. A threshold base step (value null, "below
/// everything") is not kept: the panel's default colour stands for it.
/// </summary>
internal static class FieldConfigMapper
{
    /// <summary>Grafana's singlestat colours when a panel names none: green, orange, red.</summary>
    private static readonly string[] SinglestatColors = ["#299c46", "rgba(237, 129, 40, 0.89)", "#d44a3a"];

    public static (string? Unit, int? Decimals, List<Threshold> Thresholds) Map(JsonElement panel, string type, string path, string title, ImportContext context)
    {
        var defaults = panel.Object("fieldConfig")?.Object("defaults");
        var unit = defaults?.String("unit") ?? panel.String("format") ?? GraphUnit(panel);
        var decimals = (defaults?.Number("decimals") ?? panel.Number("decimals")) is { } d
            ? (int)Math.Clamp(Math.Round(d), 0, DashboardLimits.MaxDecimals) : (int?)null;
        var thresholds = defaults?.Object("thresholds") is { } modern ? Modern(modern, path, title, context)
            : type == "singlestat" ? Singlestat(panel)
            : type == "graph" ? Graph(panel, path, title, context)
            : [];
        return (Unit(unit, path, title, context), decimals, thresholds);
    }

    private static string? GraphUnit(JsonElement panel) =>
        panel.Array("yaxes").Items().Select(a => a.Item.String("format")).FirstOrDefault()
        ?? panel.Array("y_formats").Items().Select(f => f.Item.ValueKind == JsonValueKind.String ? f.Item.GetString() : null).FirstOrDefault();

    private static string? Unit(string? unit, string path, string title, ImportContext context)
    {
        var trimmed = unit?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed is "short" or "none") return null;
        if (trimmed.Length > DashboardLimits.MaxUnit || trimmed.Any(char.IsControl))
        {
            context.Note(path, $"{title}: unit '{VariableMapper.Shorten(trimmed)}' is not a unit id; numbers are shown plain");
            return null;
        }

        return trimmed;
    }

    private static List<Threshold> Modern(JsonElement thresholds, string path, string title, ImportContext context)
    {
        if (thresholds.String("mode") == "percentage")
        {
            context.Note(path, $"{title}: thresholds in percent of the range are not kept (the console's thresholds are absolute values)");
            return [];
        }

        return Ascending(thresholds.Array("steps").Items()
            .Select(s => (Value: s.Item.Number("value"), Color: s.Item.String("color")))
            .Where(s => s.Value is not null && s.Color is not null)
            .Select(s => new Threshold(s.Value!.Value, s.Color!)));
    }

    /// <summary>"70,90" with colours [base, warn, crit]: from 70 the second colour, from 90 the third.</summary>
    private static List<Threshold> Singlestat(JsonElement panel)
    {
        var colors = panel.Array("colors").Items().Select(c => c.Item.ValueKind == JsonValueKind.String ? c.Item.GetString()! : null).ToList();
        var values = (panel.String("thresholds") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var steps = new List<Threshold>();
        for (var i = 0; i < values.Length && i < 2; i++)
        {
            if (double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                steps.Add(new Threshold(value, colors.ElementAtOrDefault(i + 1) ?? SinglestatColors[i + 1]));
            }
        }

        return Ascending(steps);
    }

    /// <summary>A graph's threshold lines: <c>colorMode</c> critical, warning, ok, or custom with its own colour.</summary>
    private static List<Threshold> Graph(JsonElement panel, string path, string title, ImportContext context)
    {
        var steps = new List<Threshold>();
        foreach (var (_, line) in panel.Array("thresholds").Items())
        {
            if (line.Number("value") is not { } value) continue;
            if (line.String("op") == "lt")
            {
                context.Note(path, $"{title}: the threshold below {value} ('lt') is kept as a threshold from {value} up");
            }

            steps.Add(new Threshold(value, line.String("colorMode") switch
            {
                "critical" => "red",
                "warning" => "orange",
                "ok" => "green",
                _ => line.String("lineColor") ?? line.String("fillColor") ?? "red",
            }));
        }

        return Ascending(steps);
    }

    /// <summary>Sorted by value, one colour per value (the last one given wins, as Grafana draws it), valid colours only.</summary>
    private static List<Threshold> Ascending(IEnumerable<Threshold> steps) =>
        [.. steps.Where(s => s.Color.Trim().Length > 0 && s.Color.Length <= DashboardLimits.MaxColor)
            .GroupBy(s => s.Value).Select(g => g.Last()).OrderBy(s => s.Value).Take(DashboardLimits.MaxThresholds)];
}
