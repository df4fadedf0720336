using System.Text.Json;

namespace AirisEpm.WebConsole.Dashboards.Grafana;

/// <summary>
/// Grafana's <c>templating.list</c> to the console's variables: <c>query</c> variables whose query is
/// <c>label_values(...)</c> (a string, or since Grafana 10 an object <c>{ "query": ... }</c>), <c>custom</c> lists,
/// <c>interval</c> lists; <c>constant</c>s are substituted into the queries instead, being fixed. Datasource variables
/// only pick the data source (the console has one); everything else is listed as unmapped.
/// </summary>
internal static class VariableMapper
{
    public static List<DashboardVariable> Map(JsonElement dashboard, ImportContext context)
    {
        var variables = new List<DashboardVariable>();
        if (dashboard.Object("templating") is not { } templating) return variables;
        if (templating.Property("list") is { ValueKind: not JsonValueKind.Array })
        {
            context.Note("templating.list", "templating.list is not a list; no variables imported");
            return variables;
        }

        // Constants first: a query may use one defined further down the list.
        foreach (var (_, variable) in templating.Array("list").Items())
        {
            if (variable.String("type") == "constant" && variable.String("name") is { } name && VariableValidator.IsName(name))
            {
                context.Constants.Add(name, variable.String("query") ?? CurrentValues(variable).FirstOrDefault() ?? "");
            }
        }

        foreach (var (index, variable) in templating.Array("list").Items())
        {
            var path = $"templating.list[{index}]";
            if (Map(variable, path, context) is not { } mapped) continue;
            if (variables.Any(v => v.Name == mapped.Name))
            {
                context.Note(path, $"variable '{mapped.Name}' is defined twice; the first one is kept");
            }
            else if (variables.Count == DashboardLimits.MaxVariables)
            {
                context.Note(path, $"more than {DashboardLimits.MaxVariables} variables; '{mapped.Name}' is not imported");
            }
            else
            {
                variables.Add(mapped);
            }
        }

        return variables;
    }

    private static DashboardVariable? Map(JsonElement variable, string path, ImportContext context)
    {
        var name = variable.String("name") ?? "";
        if (!VariableValidator.IsName(name))
        {
            context.Note(path, $"variable name '{name}' is not a name the console can interpolate (letters, digits, _; not starting with __)");
            return null;
        }

        var type = variable.String("type") ?? VariableTypes.Query;
        switch (type)
        {
            case VariableTypes.Query:
                return Query(variable, name, path, context);
            case VariableTypes.Custom:
                return List(variable, name, VariableTypes.Custom, CustomValues(variable), path, context);
            case VariableTypes.Interval:
                if (variable.Bool("auto")) context.Note(path, $"interval variable '{name}': the auto option is not kept");
                var intervals = VariableValidator.SplitValues(variable.String("query") ?? "");
                foreach (var bad in intervals.Where(v => !VariableValidator.IsInterval(v)))
                {
                    context.Note(path, $"interval variable '{name}': '{bad}' is not a duration and is left out");
                }

                return List(variable, name, VariableTypes.Interval, [.. intervals.Where(VariableValidator.IsInterval)], path, context);
            case "constant":
                return null;
            case "datasource":
                context.Note(path, $"datasource variable '{name}' is not needed: the console queries its one Prometheus data source");
                return null;
            default:
                context.Note(path, $"variable type {type} ('{name}') is not supported");
                return null;
        }
    }

    private static DashboardVariable? Query(JsonElement variable, string name, string path, ImportContext context)
    {
        var plugin = context.Datasources.Resolve(variable.Property("datasource"));
        if (!DatasourceResolver.SpeaksPromQl(plugin))
        {
            context.Note(path, $"variable '{name}' queries the {plugin} data source, not Prometheus");
            return null;
        }

        var query = (variable.Property("query") switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object } editor => editor.String("query"),
            _ => null,
        } ?? variable.String("definition") ?? "").Trim();
        query = context.Constants.Apply(query);
        if (!VariableValidator.IsLabelValues(query) || query.Length > DashboardLimits.MaxVariableQuery)
        {
            context.Note(path, $"variable '{name}': query '{Shorten(query)}' is not label_values(...), the one variable query the console runs");
            return null;
        }

        if (variable.String("regex") is { Length: > 0 } regex)
        {
            context.Note(path, $"variable '{name}': the regex filter {Shorten(regex)} is not kept; every value is offered");
        }

        return Variable(variable, name, VariableTypes.Query, query);
    }

    private static DashboardVariable? List(JsonElement variable, string name, string type, IReadOnlyList<string> values, string path, ImportContext context)
    {
        var query = string.Join(",", values.Select(v => v.Replace(",", "\\,", StringComparison.Ordinal)));
        if (values.Count == 0 || query.Length > DashboardLimits.MaxVariableQuery)
        {
            context.Note(path, $"{type} variable '{name}' has no values the console can offer");
            return null;
        }

        return Variable(variable, name, type, query);
    }

    /// <summary>A custom variable's values: its query "a,b,c" (each item "text : value" or a value), else its options.</summary>
    private static List<string> CustomValues(JsonElement variable)
    {
        var items = VariableValidator.SplitValues(variable.String("query") ?? "");
        var values = items.Select(item => item.Split(" : ", 2) is [_, var value] ? value.Trim() : item).Where(v => v.Length > 0).ToList();
        if (values.Count > 0) return values;
        return [.. variable.Array("options").Items().Select(o => o.Item.String("value")).OfType<string>().Where(v => v.Length > 0)];
    }

    private static DashboardVariable Variable(JsonElement variable, string name, string type, string query)
    {
        var multi = variable.Bool("multi");
        var includeAll = variable.Bool("includeAll");
        var current = CurrentValues(variable).Where(v => v.Length <= DashboardLimits.MaxValue).ToList();
        if (current.Contains(DashboardVariable.AllValue)) current = includeAll ? [DashboardVariable.AllValue] : [];
        if (!multi && current.Count > 1) current = [current[0]];
        return new DashboardVariable
        {
            Name = name,
            Label = variable.String("label") is { Length: > 0 and <= DashboardLimits.MaxTitle } label ? label : null,
            Type = type,
            Query = query,
            Multi = multi,
            IncludeAll = includeAll,
            Current = [.. current.Take(DashboardLimits.MaxCurrentValues)],
        };
    }

    /// <summary><c>current.value</c>: a string or a list of strings.</summary>
    private static List<string> CurrentValues(JsonElement variable) => variable.Object("current")?.Property("value") switch
    {
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
