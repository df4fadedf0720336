using System.Text.Json.Nodes;
using CsCheck;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>
/// Generators of Grafana dashboard JSON: dashboards, rows, panels, targets and variables with the field names and the
/// kinds of values Grafana writes, where any field may be missing or hold any other JSON instead (<see cref="Any"/>).
/// </summary>
public static class GrafanaJsonGen
{
    private static readonly string[] Words =
    [
        "graph", "timeseries", "stat", "table", "row", "piechart", "query", "custom", "-- Mixed --", "${DS_PROMETHEUS}", "$__all",
        "label_values(up, job)", "now-6h", "now", "30s", "{{job}}", "percentage", "red", "bytes", "250px", "70,90", "", " ", "$job", "\u0000",
    ];

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
        Gen.Bool.Select(_ => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Int[-5, 30].Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.OneOf(Words).Select(w => (JsonNode?)JsonValue.Create(w)),
        Gen.String[0, 12].Select(s => (JsonNode?)JsonValue.Create(s)));

    /// <summary>Any JSON value, nested up to six levels, objects keyed by Grafana's field names.</summary>
    public static readonly Gen<JsonNode?> Any = Gen.Recursive<JsonNode?>((depth, self) => depth >= 6
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (2, Gen.Select(Gen.OneOf("panels", "type", "targets", "expr", "gridPos", "list", "query", "value", "x", "h"), self).Array[0, 5]
                .Select(pairs => (JsonNode?)Object(pairs))),
            (2, self.Array[0, 4].Select(List))));

    private static readonly Gen<JsonNode?> Datasource = Gen.OneOf(
        Text("Prometheus", "Loki", "-- Mixed --", "-- Grafana --", "${DS_PROMETHEUS}", "${DS_LOKI}", "$ds", "default", ""),
        Obj(("type", Text("prometheus", "loki", "datasource", "__expr__", "elasticsearch", "")), ("uid", Text("-- Mixed --", "grafana", "abc", "${DS_PROMETHEUS}"))));

    private static readonly Gen<JsonNode?> GridPos = Obj(("x", Int(-3, 30)), ("y", Int(-3, 80)), ("w", Int(-1, 30)), ("h", Int(-1, 30)));

    private static readonly Gen<JsonNode?> Target = Obj(
        ("expr", Text("up", "sum(rate(x_total[$__rate_interval])) by (job)", "up{env=\"$env\"}", "x @ ${__to:date:seconds}", "", "  ", "{app=\"a\"}")),
        ("refId", Text("A", "B", "A", "", "a b", "AAAAAAAAAAAAAAAAAAAAAAAAA")),
        ("legendFormat", Text("{{job}}", "__auto", "", "$env")),
        ("hide", Bool()),
        ("datasource", Datasource));

    private static readonly Gen<JsonNode?> Thresholds = Obj(
        ("mode", Text("absolute", "percentage")),
        ("steps", Obj(("color", Text("green", "red", "", "#ff0000")), ("value", Gen.OneOf(Int(-100, 100), Gen.Bool.Select(_ => (JsonNode?)null)))).Array[0, 5].Select(List)));

    private static readonly Gen<JsonNode?> FieldConfig = Obj(
        ("defaults", Obj(("unit", Text("s", "bytes", "short", "none", "", "\u0001")), ("decimals", Int(-5, 40)), ("thresholds", Thresholds))),
        ("overrides", Any.Array[0, 2].Select(List)));

    private static readonly Gen<JsonNode?> Panel = Obj(
        ("id", Int(-2, 9)),
        ("type", Text("graph", "timeseries", "stat", "singlestat", "gauge", "table", "table-old", "piechart", "text", "logs")),
        ("title", Text("Requests", "", "$env latency")),
        ("gridPos", GridPos),
        ("span", Int(-1, 14)),
        ("height", Gen.OneOf(Text("250px", "40", "x"), Int(-100, 2000))),
        ("datasource", Datasource),
        ("targets", Target.Array[0, 4].Select(List)),
        ("fieldConfig", FieldConfig),
        ("format", Text("percent", "short", "")),
        ("y_formats", Text("bytes", "short").Array[0, 2].Select(List)),
        ("yaxes", Obj(("format", Text("reqps", "short"))).Array[0, 2].Select(List)),
        ("thresholds", Gen.OneOf(Text("70,90", "a,b", ""), Obj(("value", Int(0, 100)), ("colorMode", Text("critical", "custom")), ("op", Text("gt", "lt"))).Array[0, 3].Select(List))),
        ("colors", Text("green", "orange", "red").Array[0, 3].Select(List)),
        ("transformations", Obj(("id", Text("merge"))).Array[0, 2].Select(List)),
        ("repeat", Text("job", "")),
        ("alert", Obj(("name", Text("High")))));

    private static readonly Gen<JsonNode?> RowPanel = Obj(
        ("type", Text("row")), ("title", Text("Row", "")), ("collapsed", Bool()), ("gridPos", GridPos), ("panels", Panel.Array[0, 4].Select(List)));

    private static readonly Gen<JsonNode?> OldRow = Obj(
        ("title", Text("Row", "")), ("collapse", Bool()), ("showTitle", Bool()), ("repeat", Text("", "job")),
        ("height", Gen.OneOf(Text("250px", "300", "tall"), Int(-10, 1000))), ("panels", Panel.Array[0, 5].Select(List)));

    private static readonly Gen<JsonNode?> Variable = Obj(
        ("type", Text("query", "custom", "interval", "constant", "datasource", "textbox", "adhoc")),
        ("name", Text("job", "instance", "env", "__interval", "a-b", "job")),
        ("query", Gen.OneOf(Text("label_values(up, job)", "label_values(job)", "query_result(up)", "a : 1,b : 2", "1m,5m,bad", "prometheus", "prod", ""),
            Obj(("query", Text("label_values(instance)", "metrics(x)"))))),
        ("current", Obj(("value", Gen.OneOf(Text("$__all", "a", "1m"), Text("a", "b", "$__all").Array[0, 3].Select(List))))),
        ("multi", Bool()), ("includeAll", Bool()), ("regex", Text("", "/x/")), ("auto", Bool()), ("datasource", Datasource),
        ("options", Obj(("value", Text("x", "y"))).Array[0, 2].Select(List)));

    /// <summary>A Grafana dashboard of any schema generation, bare or in the API's <c>{ "dashboard": ... }</c>.</summary>
    public static readonly Gen<JsonNode?> Dashboard = Obj(
        ("title", Text("Service", "", " ")),
        ("schemaVersion", Int(10, 45)),
        ("panels", Gen.Frequency((4, Panel), (1, RowPanel)).Array[0, 8].Select(List)),
        ("rows", OldRow.Array[0, 3].Select(List)),
        ("templating", Obj(("list", Variable.Array[0, 5].Select(List)))),
        ("time", Obj(("from", Text("now-6h", "2024-01-01T00:00:00Z", "soon")), ("to", Text("now", "")))),
        ("refresh", Gen.OneOf(Text("30s", "", "1.5m"), Bool())),
        ("tags", Text("a", "b", "", "a").Array[0, 4].Select(List)),
        ("__inputs", Obj(("name", Text("DS_PROMETHEUS", "DS_LOKI")), ("pluginId", Text("prometheus", "loki"))).Array[0, 2].Select(List)),
        ("annotations", Obj(("list", Obj(("builtIn", Int(0, 1)), ("name", Text("Deploys"))).Array[0, 2].Select(List)))),
        ("links", Any.Array[0, 1].Select(List)));

    private static Gen<JsonNode?> Either(Gen<JsonNode?> specific) => Gen.Frequency((6, specific), (1, Any));

    /// <summary>An object with each field present four times in five, holding its own kind of value or, now and then, anything.</summary>
    private static Gen<JsonNode?> Obj(params (string Key, Gen<JsonNode?> Value)[] fields)
    {
        var fieldGens = fields.Select(f => Gen.Select(Gen.Int[0, 4], Either(f.Value), (roll, value) => roll == 0 ? null : new (string, JsonNode?)?((f.Key, value))));
        Gen<(string, JsonNode?)?[]> all = Gen.Int[0, 0].Select(_ => System.Array.Empty<(string, JsonNode?)?>());
        foreach (var field in fieldGens)
        {
            var previous = all;
            all = Gen.SelectMany(previous, list => field.Select(f => (((string, JsonNode?)?[])[.. list, f])));
        }

        return all.Select(present => (JsonNode?)Object([.. present.OfType<(string, JsonNode?)>()]));
    }

    private static JsonObject Object((string Key, JsonNode? Value)[] pairs)
    {
        var node = new JsonObject();
        foreach (var (key, value) in pairs) node[key] = value?.DeepClone();
        return node;
    }

    private static JsonNode? List(JsonNode?[] items) => new JsonArray([.. items.Select(i => i?.DeepClone())]);

    private static Gen<JsonNode?> Text(params string[] values) => Gen.OneOf(values).Select(v => (JsonNode?)JsonValue.Create(v));

    private static Gen<JsonNode?> Int(int min, int max) => Gen.Int[min, max].Select(i => (JsonNode?)JsonValue.Create(i));

    private static Gen<JsonNode?> Bool() => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b));
}
