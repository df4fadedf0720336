using System.Runtime.CompilerServices;
using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Evaluates an expression over a grid of steps, as Prometheus's engine does: every node yields all its steps at
/// once (an instant query is a grid of one step), selectors load their samples once, loops run per series over
/// arrays. <paramref name="context"/> holds the query's limits and counters.
/// </summary>
internal sealed partial class Evaluator(QueryContext context)
{
    private readonly StepInvariance _invariance = new();

    public QueryContext Context { get; } = context;

    /// <summary>
    /// Evaluates <paramref name="expr"/> on <paramref name="grid"/>. <paramref name="hint"/> is the enclosing function
    /// or aggregation (what Prometheus passes to storage as <c>SelectHints.Func</c>), null past a binary operator.
    /// </summary>
    public async ValueTask<EvalValue> EvalAsync(Expr expr, StepGrid grid, string? hint)
    {
        Context.ThrowIfCancelled();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // A deeply nested query goes on in a fresh thread's stack rather than overflowing this one.
            return await Task.Run(() => EvalAsync(expr, grid, hint).AsTask(), Context.CancellationToken);
        }

        if (grid.Count == 0)
        {
            return EmptyOf(expr.Type);
        }

        var samples = Context.Samples;
        EvalValue value;
        if (grid.Count > 1 && expr is not (NumberLiteral or StringLiteral or MatrixSelector or SubqueryExpr or ParenExpr)
            && _invariance.IsInvariant(expr))
        {
            // Evaluated once, then repeated at every step: each repeated point is held too.
            var once = await EvalNodeAsync(expr, StepGrid.Single(grid.Start), hint);
            value = Broadcast(once, grid.Count);
            var repeated = value is ScalarResult or VectorResult ? once.PointCount * (grid.Count - 1) : 0;
            samples.Hold(repeated);
        }
        else
        {
            value = await EvalNodeAsync(expr, grid, hint);
        }

        samples.Gather(value);
        return value;
    }

    /// <summary>
    /// Evaluates one node and settles what it holds, as Prometheus does: what its inputs held is released and its
    /// result held instead, except where Prometheus keeps the input's count (parentheses, unary minus, label_replace,
    /// label_join). A node Prometheus evaluates step by step is checked at its fullest step first.
    /// </summary>
    private async ValueTask<EvalValue> EvalNodeAsync(Expr expr, StepGrid grid, string? hint)
    {
        var samples = Context.Samples;
        var held = samples.Current;
        samples.Enter(SampleAccounting.GathersPerStep(expr), grid.Count);
        var value = await EvalCoreAsync(expr, grid, hint);
        if (samples.Exit() is { } gathered)
        {
            samples.CheckSteps(gathered, value);
        }

        if (!SampleAccounting.KeepsInputCount(expr))
        {
            samples.ReleaseTo(held);
            samples.Hold(value.Held ?? value.PointCount);
        }

        return value;
    }

    private ValueTask<EvalValue> EvalCoreAsync(Expr expr, StepGrid grid, string? hint) => expr switch
    {
        NumberLiteral number => ValueTask.FromResult<EvalValue>(Scalar(grid, Missing.Scrub(number.Value))),
        StringLiteral text => ValueTask.FromResult<EvalValue>(new StringResult(text.Value)),
        ParenExpr paren => EvalAsync(paren.Inner, grid, hint),
        UnaryExpr unary => EvalUnaryAsync(unary, grid, hint),
        VectorSelector selector => EvalVectorSelectorAsync(selector, grid, hint, timestamps: false),
        MatrixSelector matrix => EvalMatrixSelectorAsync(matrix, grid, hint),
        SubqueryExpr subquery => EvalSubqueryAsync(subquery, grid, hint),
        BinaryExpr binary => EvalBinaryAsync(binary, grid),
        AggregateExpr aggregate => EvalAggregateAsync(aggregate, grid),
        Call call => EvalCallAsync(call, grid),
        _ => throw new PromQlException(PromQlErrorType.BadData, $"unsupported expression node {expr.GetType().Name}"),
    };

    public static ScalarResult Scalar(StepGrid grid, double value)
    {
        var values = new double[grid.Count];
        values.AsSpan().Fill(value);
        return new ScalarResult(values);
    }

    /// <summary>Evaluates an argument that must be a scalar (a parameter), over the grid.</summary>
    public async ValueTask<double[]> EvalScalarAsync(Expr expr, StepGrid grid, string? hint) =>
        await EvalAsync(expr, grid, hint) is ScalarResult scalar
            ? scalar.Values
            : throw new PromQlException(PromQlErrorType.BadData, $"expected type scalar, got {expr.Type.DocumentedName()}");

    public async ValueTask<VectorResult> EvalVectorAsync(Expr expr, StepGrid grid, string? hint) =>
        await EvalAsync(expr, grid, hint) is VectorResult vector
            ? vector
            : throw new PromQlException(PromQlErrorType.BadData, $"expected type instant vector, got {expr.Type.DocumentedName()}");

    private static EvalValue EmptyOf(Ast.ValueType type) => type switch
    {
        Ast.ValueType.Scalar => new ScalarResult([]),
        Ast.ValueType.Matrix => new RangeResult([], 0, 0, null),
        Ast.ValueType.String => new StringResult(""),
        _ => new VectorResult([]),
    };

    private static EvalValue Broadcast(EvalValue once, int count)
    {
        switch (once)
        {
            case ScalarResult scalar:
            {
                var values = new double[count];
                values.AsSpan().Fill(scalar.Values[0]);
                return new ScalarResult(values);
            }

            case VectorResult vector:
            {
                var series = new List<StepSeries>(vector.Series.Count);
                foreach (var s in vector.Series)
                {
                    var values = new double[count];
                    values.AsSpan().Fill(s.Values[0]);
                    series.Add(new StepSeries(s.Metric, values));
                }

                return new VectorResult(series);
            }

            default:
                return once;
        }
    }

    private async ValueTask<EvalValue> EvalUnaryAsync(UnaryExpr unary, StepGrid grid, string? hint)
    {
        var operand = await EvalAsync(unary.Operand, grid, hint);
        if (unary.Op != BinaryOp.Sub)
        {
            return operand;
        }

        switch (operand)
        {
            case ScalarResult scalar:
            {
                var values = new double[scalar.Values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = -scalar.Values[i];
                }

                return new ScalarResult(values);
            }

            case VectorResult vector:
            {
                var output = new List<StepSeries>(vector.Series.Count);
                foreach (var s in vector.Series)
                {
                    var values = new double[s.Values.Length];
                    for (var i = 0; i < values.Length; i++)
                    {
                        var v = s.Values[i];
                        values[i] = Missing.Is(v) ? v : -v;
                    }

                    output.Add(new StepSeries(QueryContext.DropName(s.Metric), values));
                }

                return new VectorResult(SeriesMerger.MergeSameLabels(output));
            }

            default:
                throw new PromQlException(PromQlErrorType.BadData, "unary expression only allowed on expressions of type scalar or instant vector");
        }
    }
}
