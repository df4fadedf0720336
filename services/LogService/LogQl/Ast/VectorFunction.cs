namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// The vector aggregations, as a table: name and whether it takes a parameter first (<c>topk(5, …)</c>).
/// <see cref="Evaluation.VectorAggregators"/> implements each row. <see cref="Unsupported"/> lists Loki's others.
/// </summary>
public sealed record VectorFunction(string Name, bool TakesParameter)
{
    public static readonly IReadOnlyDictionary<string, VectorFunction> Supported = new[]
    {
        new VectorFunction("sum", false), new VectorFunction("avg", false), new VectorFunction("min", false),
        new VectorFunction("max", false), new VectorFunction("count", false),
        new VectorFunction("topk", true), new VectorFunction("bottomk", true),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Unsupported = new HashSet<string>(StringComparer.Ordinal)
    {
        "stddev", "stdvar", "sort", "sort_desc", "approx_topk",
    };
}
