namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>sum by (level) (…)</c>, <c>topk(5, …)</c>: aggregates the series of <see cref="Inner"/> per step, in groups.</summary>
public sealed record VectorAggregationExpr(VectorFunction Function, Grouping? Grouping, int? Parameter, SampleExpr Inner) : SampleExpr;

/// <summary><c>by (a, b)</c> keeps only those labels; <c>without (a, b)</c> removes them. No grouping at all aggregates everything into one series.</summary>
public sealed record Grouping(bool Without, IReadOnlyList<string> Labels);
