namespace AirisEpm.PromQl.Ast;

/// <summary>
/// A PromQL expression node. Nodes are immutable; <see cref="object.ToString"/> prints the expression
/// in Prometheus's canonical form (what <c>/api/v1/format_query</c> answers), see <c>Printer</c>.
/// </summary>
public abstract record Expr(PositionRange Position)
{
    public abstract ValueType Type { get; }

    /// <summary>Prometheus's canonical one-line form (its <c>String()</c>); sealed so no node record synthesises its own.</summary>
    public sealed override string ToString() => Printer.Print(this);
}

/// <summary>A float literal: <c>1</c>, <c>1.5e3</c>, <c>0x1f</c>, <c>Inf</c>, <c>NaN</c>, or a duration used as a number of seconds (<c>5m</c>).</summary>
public sealed record NumberLiteral(double Value, PositionRange Position) : Expr(Position)
{
    public override ValueType Type => ValueType.Scalar;

    /// <summary>Written as a duration (<c>5m</c> is 300); printed back as one.</summary>
    public bool IsDuration { get; init; }
}

/// <summary>A string literal, unquoted and unescaped.</summary>
public sealed record StringLiteral(string Value, PositionRange Position) : Expr(Position)
{
    public override ValueType Type => ValueType.String;
}

/// <summary><c>( expr )</c>, kept so the printer can reproduce the query.</summary>
public sealed record ParenExpr(Expr Inner, PositionRange Position) : Expr(Position)
{
    public override ValueType Type => Inner.Type;
}

/// <summary><c>-expr</c> or <c>+expr</c>.</summary>
public sealed record UnaryExpr(BinaryOp Op, Expr Operand, PositionRange Position) : Expr(Position)
{
    public override ValueType Type => Operand.Type;
}
