using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// A panel's <c>targets</c> to queries: <c>expr</c>, <c>legendFormat</c> (Grafana 10's <c>__auto</c> → the series'
/// labels) and <c>refId</c> (a free letter when missing or taken). Hidden queries, queries without an expression and
/// queries of another data source than Prometheus are left out and listed. Expressions keep the time macros for the
/// page (<see cref="TimeMacros"/>); a <c>$__</c> name it does not know is listed, the query kept.
/// </summary>
internal static class TargetMapper
{
    public static List<PanelQuery> Map(JsonElement panel, string path, string? panelPlugin, ImportContext context)
    {
        var queries = new List<PanelQuery>();
        foreach (var (index, target) in panel.Array("targets").Items())
        {
            var targetPath = $"{path}.targets[{index}]";
            if (target.ValueKind != JsonValueKind.Object) continue;
            var refId = target.String("refId") is { Length: > 0 } r ? r : null;
            var name = refId is null ? $"query {index + 1}" : $"query {refId}";
            var plugin = context.Datasources.Resolve(target.Property("datasource")) ?? panelPlugin;
            if (plugin == DatasourceResolver.Mixed) plugin = null;
            if (!DatasourceResolver.SpeaksPromQl(plugin))
            {
                context.Note(targetPath, $"{name} uses the {plugin} data source, not Prometheus");
                continue;
            }

            if (target.Bool("hide"))
            {
                context.Note(targetPath, $"{name} is hidden in Grafana and is not imported");
                continue;
            }

            var expr = context.Constants.Apply(target.String("expr") ?? "").Trim();
            if (expr.Length == 0)
            {
                context.Note(targetPath, $"{name} has no PromQL expression");
                continue;
            }

            if (expr.Length > DashboardLimits.MaxExpr)
            {
                context.Note(targetPath, $"{name} is longer than {DashboardLimits.MaxExpr} characters");
                continue;
            }

            if (queries.Count == DashboardLimits.MaxQueries)
            {
                context.Note(targetPath, $"a panel holds at most {DashboardLimits.MaxQueries} queries; {name} is not imported");
                continue;
            }

            foreach (var unknown in TimeMacros.ReferencedNames(expr).Distinct().Where(m => !TimeMacros.Names.Contains(m)))
            {
                context.Note(targetPath, $"{name} uses ${unknown}, which the console does not fill in");
            }

            queries.Add(new PanelQuery(FreeRefId(refId, queries), expr, Legend(target, context)));
        }

        return queries;
    }

    private static string? Legend(JsonElement target, ImportContext context) =>
        target.String("legendFormat") is { Length: > 0 } legend && legend != "__auto"
            ? Truncate(context.Constants.Apply(legend), DashboardLimits.MaxLegend)
            : null;

    private static string FreeRefId(string? wanted, List<PanelQuery> taken)
    {
        bool Free(string id) => taken.All(q => q.RefId != id);
        if (wanted is { Length: <= DashboardLimits.MaxRefId } && wanted.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && Free(wanted))
        {
            return wanted;
        }

        return Enumerable.Range(0, DashboardLimits.MaxQueries + 1).Select(LetterName).First(Free);
    }

    /// <summary>A, B, ..., Z, then AA (Grafana's sequence).</summary>
    private static string LetterName(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
