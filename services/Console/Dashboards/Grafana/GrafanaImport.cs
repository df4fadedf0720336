namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// What an import made of a Grafana dashboard: the <see cref="Dashboard"/> (not yet saved) and what did not map, or,
/// when the JSON is not a dashboard at all, <see cref="Errors"/> by JSON path and no dashboard.
/// </summary>
public sealed record GrafanaImport(Dashboard? Dashboard, IReadOnlyList<UnmappedItem> Unmapped, IReadOnlyDictionary<string, string[]> Errors)
{
    public static GrafanaImport Failed(string path, string reason) =>
        new(null, [], new Dictionary<string, string[]> { [path] = [reason] });
}
