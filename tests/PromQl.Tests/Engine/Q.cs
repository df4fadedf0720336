using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Model;
using ValueType = AirisEpm.PromQl.Ast.ValueType;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>Builds ASTs by hand, terse enough to read like the PromQL they stand for.</summary>
internal static class Q
{
    private static readonly PositionRange P = new(0, 0);

    private static readonly HashSet<string> ScalarFunctions = ["time", "pi", "scalar"];

    /// <summary><c>name{label="value", ...}</c> with equality matchers (<c>name</c> may be null).</summary>
    public static VectorSelector Sel(string? name, params (string Name, string Value)[] labels) =>
        SelWith(name, [.. labels.Select(l => Matcher.Create(l.Name, MatchOp.Equal, l.Value))]);

    public static VectorSelector SelWith(string? name, params Matcher[] matchers)
    {
        var all = new List<Matcher>();
        if (name is not null)
        {
            all.Add(Matcher.Create(LabelSet.MetricName, MatchOp.Equal, name));
        }

        all.AddRange(matchers);
        return new VectorSelector(name, all, TimeModifiers.None, P);
    }

    public static Matcher M(string name, MatchOp op, string value) => Matcher.Create(name, op, value);

    public static VectorSelector Offset(this VectorSelector selector, string duration) =>
        selector with { Modifiers = selector.Modifiers with { OffsetMs = Ms(duration) } };

    public static VectorSelector At(this VectorSelector selector, long ms) =>
        selector with { Modifiers = selector.Modifiers with { TimestampMs = ms } };

    public static VectorSelector At(this VectorSelector selector, AtAnchor anchor) =>
        selector with { Modifiers = selector.Modifiers with { Anchor = anchor } };

    public static MatrixSelector R(this VectorSelector selector, string range) => new(selector, Ms(range), P);

    public static SubqueryExpr Sub(Expr inner, string range, string? step = null, string? offset = null, long? at = null) =>
        new(inner, Ms(range), step is null ? 0 : Ms(step), new TimeModifiers(offset is null ? 0 : Ms(offset), at, AtAnchor.None), P);

    public static Call F(string name, params Expr[] args) =>
        new(new FunctionSignature(name, [.. args.Select(a => a.Type)], 0, ScalarFunctions.Contains(name) ? ValueType.Scalar : ValueType.Vector), args, P);

    public static NumberLiteral N(double value) => new(value, P);

    public static StringLiteral S(string value) => new(value, P);

    public static ParenExpr Paren(Expr inner) => new(inner, P);

    public static UnaryExpr Neg(Expr operand) => new(BinaryOp.Sub, operand, P);

    public static AggregateExpr Agg(AggregateOp op, Expr inner, Expr? param = null, string[]? by = null, string[]? without = null) =>
        new(op, inner, param, without ?? by ?? [], without is not null, P);

    public static BinaryExpr B(BinaryOp op, Expr lhs, Expr rhs, bool returnBool = false, VectorMatching? matching = null)
    {
        if (matching is null && lhs.Type == ValueType.Vector && rhs.Type == ValueType.Vector)
        {
            var card = op is BinaryOp.And or BinaryOp.Or or BinaryOp.Unless ? VectorMatchCardinality.ManyToMany : VectorMatchCardinality.OneToOne;
            matching = new VectorMatching(card, [], false, []);
        }

        return new BinaryExpr(op, lhs, rhs, matching, returnBool, P);
    }

    public static VectorMatching On(params string[] labels) => new(VectorMatchCardinality.OneToOne, labels, true, []);

    public static VectorMatching Ignoring(params string[] labels) => new(VectorMatchCardinality.OneToOne, labels, false, []);

    public static VectorMatching GroupLeft(this VectorMatching matching, params string[] include) =>
        matching with { Card = VectorMatchCardinality.ManyToOne, Include = include };

    public static VectorMatching GroupRight(this VectorMatching matching, params string[] include) =>
        matching with { Card = VectorMatchCardinality.OneToMany, Include = include };

    public static VectorMatching ManyToMany(this VectorMatching matching) => matching with { Card = VectorMatchCardinality.ManyToMany };

    public static long Ms(string duration) => PromDuration.ParseMs(duration);
}
