using AirisEpm.PromQl.Ast;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// <c>a + b</c>, <c>a > bool b</c>, <c>a / on (pod) group_left (node) b</c>, <c>a or b</c>: between numbers and
/// vectors. Two vectors pair their series by <see cref="Matching"/> (PromQL's <see cref="VectorMatching"/>; null:
/// on all labels, one to one); a comparison keeps the left sample where it holds, or with <see cref="ReturnBool"/>
/// gives 1 or 0.
/// </summary>
public sealed record BinaryExpr(BinaryOperator Operator, SampleExpr Left, SampleExpr Right, bool ReturnBool, VectorMatching? Matching = null) : SampleExpr;

/// <summary>A number: <c>2</c>, <c>-1.5</c>, <c>1e3</c>; a scalar.</summary>
public sealed record NumberLiteral(double Value) : SampleExpr;

/// <summary><c>vector(1)</c>: one series without labels, with that value at every step.</summary>
public sealed record VectorLiteral(double Value) : SampleExpr;

/// <summary>
/// <c>label_replace(v, "dst", "$1", "src", "(.*):.*")</c>: where <c>src</c>'s value matches the whole regex, <c>dst</c>
/// becomes the expanded replacement (removed when that is empty); other series pass unchanged.
/// </summary>
public sealed record LabelReplaceExpr(SampleExpr Inner, string Destination, string Replacement, string Source, string Regex) : SampleExpr;
