using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Functions;

namespace AirisEpm.PromQl.Engine.Evaluation;

internal sealed partial class Evaluator
{
    private ValueTask<EvalValue> EvalCallAsync(Call call, StepGrid grid) =>
        FunctionTable.Find(call.Function.Name) is { } function
            ? function.EvaluateAsync(this, call, grid)
            : throw new PromQlException(PromQlErrorType.BadData, $"unknown function with name \"{call.Function.Name}\"");
}
