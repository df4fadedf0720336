using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class DeepQueryTests
{
    [Fact]
    public async Task A_very_deep_expression_evaluates_without_exhausting_the_stack()
    {
        var source = TestData.Load("1m", ("x", "1"));
        Expr expr = Sel("x");
        for (var i = 0; i < 20_000; i++)
        {
            expr = i % 2 == 0 ? B(BinaryOp.Add, expr, N(1)) : Paren(expr);
        }

        var result = await Task.Run(() => Instant(source, expr, "0s"));
        VectorEquals(result.Value, ordered: false, ("{}", 10_001));
    }
}
