using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Ast;

/// <summary>
/// <c>name{matchers} offset d @ t</c>. <see cref="Matchers"/> holds every matcher the series must satisfy,
/// including <c>__name__="name"</c> when a name was written (as Prometheus's parser adds it).
/// </summary>
public sealed record VectorSelector(string? Name, IReadOnlyList<Matcher> Matchers, TimeModifiers Modifiers, PositionRange Position)
    : Expr(Position)
{
    public override ValueType Type => ValueType.Vector;
}

/// <summary><c>selector[range]</c>: the samples in the left-open window <c>(t - range, t]</c> (Prometheus 3).</summary>
public sealed record MatrixSelector(VectorSelector Selector, long RangeMs, PositionRange Position) : Expr(Position)
{
    public override ValueType Type => ValueType.Matrix;
}

/// <summary><c>expr[range:step]</c>; <see cref="StepMs"/> is 0 when omitted (the engine's default resolution).</summary>
public sealed record SubqueryExpr(Expr Inner, long RangeMs, long StepMs, TimeModifiers Modifiers, PositionRange Position)
    : Expr(Position)
{
    public override ValueType Type => ValueType.Matrix;
}
