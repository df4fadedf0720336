using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>Expressions pinned with @ are evaluated once and repeated at every step, as Prometheus does.</summary>
public sealed class StepInvarianceTests
{
    private readonly InMemorySeriesSource _source = TestData.Load("1m", ("x_total{k=\"1\"}", "0+10x20"));

    [Fact]
    public async Task A_pinned_rate_is_the_same_at_every_step() =>
        await Matrix(_source, F("rate", Sel("x_total").At(300_000).R("5m")), "0s", "10m", "5m", ("{k=\"1\"}", $"{1.0 / 6} {1.0 / 6} {1.0 / 6}"));

    [Fact]
    public async Task A_pinned_aggregate_combines_with_an_unpinned_one() =>
        await Matrix(_source, B(BinaryOp.Sub, Agg(AggregateOp.Sum, Sel("x_total")), Agg(AggregateOp.Sum, Sel("x_total").At(AtAnchor.Start))), "2m", "4m", "1m",
            ("{}", "0 10 20"));

    [Fact]
    public async Task Time_is_never_pinned() =>
        await Matrix(_source, B(BinaryOp.Sub, F("time"), F("timestamp", Sel("x_total").At(60_000))), "1m", "3m", "1m", ("{k=\"1\"}", "0 60 120"));

    [Fact]
    public async Task Predict_linear_reads_the_step_time_even_over_a_pinned_window() =>
        await Matrix(_source, F("predict_linear", Sel("x_total").At(300_000).R("5m"), N(0)), "5m", "6m", "1m", ("{k=\"1\"}", "50 60"));
}
