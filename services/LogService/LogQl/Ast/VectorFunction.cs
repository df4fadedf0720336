namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// The vector aggregations, as a table: name, whether it takes a parameter first (<c>topk(5, …)</c>) and
/// whether it takes labels to group by (<c>sort</c> and <c>sort_desc</c> do not, as in Loki).
/// <see cref="Evaluation.VectorAggregators"/> implements each row. <see cref="Unsupported"/> lists Loki's others.
/// </summary>
public sealed record VectorFunction(string Name, bool TakesParameter, bool AllowsGroupingLabels = true)
{
    public static readonly IReadOnlyDictionary<string, VectorFunction> Supported = new[]
    {
        new VectorFunction("sum", false), new VectorFunction("avg", false), new VectorFunction("min", false),
        new VectorFunction("max", false), new VectorFunction("count", false),
        new VectorFunction("stddev", false), new VectorFunction("stdvar", false),
        new VectorFunction("topk", true), new VectorFunction("bottomk", true),
        new VectorFunction("sort", false, AllowsGroupingLabels: false), new VectorFunction("sort_desc", false, AllowsGroupingLabels: false),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Unsupported = new HashSet<string>(StringComparer.Ordinal)
    {
        "approx_topk",
    };
}
