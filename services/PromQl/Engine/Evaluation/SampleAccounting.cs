using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>How Prometheus's engine counts the samples of each kind of node (see <see cref="SampleCounter"/>).</summary>
internal static class SampleAccounting
{
    /// <summary>
    /// The nodes Prometheus evaluates with <c>rangeEval</c>, gathering every input's points step by step: binary
    /// operators, literals, <c>count_values</c> and functions without a range-vector argument (but label_replace and
    /// label_join, which relabel the whole input).
    /// </summary>
    public static bool GathersPerStep(Expr expr) => expr switch
    {
        BinaryExpr or NumberLiteral => true,
        AggregateExpr aggregate => aggregate.Op == AggregateOp.CountValues,
        Call call => !IsRelabelling(call) && !call.Args.Any(a => a.Type == Ast.ValueType.Matrix),
        _ => false,
    };

    /// <summary>The nodes after which Prometheus still counts what their input held, not their own result.</summary>
    public static bool KeepsInputCount(Expr expr) => expr switch
    {
        ParenExpr or UnaryExpr => true,
        Call call => IsRelabelling(call),
        _ => false,
    };

    private static bool IsRelabelling(Call call) => call.Function.Name is "label_replace" or "label_join";
}
