namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// <c>a + b</c> between scalars and vectors. Vector-to-vector operations match series with identical
/// labels one to one; comparisons filter unless <see cref="ReturnBool"/> (<c>&gt; bool</c>) asks for 0 or 1.
/// </summary>
public sealed record BinaryExpr(BinaryOperator Operator, SampleExpr Left, SampleExpr Right, bool ReturnBool) : SampleExpr;

/// <summary>A number: <c>2</c>, <c>-1.5</c>, <c>1e3</c>; a scalar.</summary>
public sealed record NumberLiteral(double Value) : SampleExpr;

/// <summary><c>vector(1)</c>: one series without labels, with that value at every step.</summary>
public sealed record VectorLiteral(double Value) : SampleExpr;
