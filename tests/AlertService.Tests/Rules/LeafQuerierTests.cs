using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class LeafQuerierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static LeafQuerier Querier(FakeLogCountClient logs) =>
        new(new FakeMetricQueryClient(_ => new MetricQueryResult([])), logs, new FakeTraceMeasureClient((_, _, _) => new TraceMeasures(0, 0, null, null, null, null)));

    private static LeafQuerier Querier(ITraceMeasureClient traces) =>
        new(new FakeMetricQueryClient(_ => new MetricQueryResult([])), new FakeLogCountClient((_, _, _) => new LogCount(0, false)), traces);

    [Fact]
    public async Task A_log_leaf_counts_its_query_over_its_window_and_compares()
    {
        var logs = new FakeLogCountClient((_, _, _) => new LogCount(7, false));
        var leaf = new LogCondition("errors", "level:error AND service:checkout", TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 3);

        var result = (await Querier(logs).QueryAsync(leaf, Now, TestContext.Current.CancellationToken))["errors"];

        Assert.Equal((ConditionOutcome.True, 7.0), (result.Outcome, result.Value));
        Assert.Equal(("level:error AND service:checkout", Now.AddMinutes(-5), Now), Assert.Single(logs.Queries));
    }

    [Fact]
    public async Task A_failed_count_is_an_error_never_false()
    {
        var logs = new FakeLogCountClient((_, _, _) => throw new LogQueryFailedException("log-service answered 503"));
        var leaf = new LogCondition("errors", "level:error", TimeSpan.FromMinutes(1), ComparisonOperator.GreaterThan, 0);

        var result = (await Querier(logs).QueryAsync(leaf, Now, TestContext.Current.CancellationToken))["errors"];

        Assert.Equal(ConditionOutcome.Error, result.Outcome);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_p95_over_its_threshold_is_true_over_the_leafs_window()
    {
        var traces = new FakeTraceMeasureClient((_, _, _) => new TraceMeasures(200, 3, 0.015, 40, 750, 900));
        var leaf = new TraceCondition("slow", TraceSignal.P95LatencyMs, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 500, Service: "checkout");

        var result = await Querier(traces).QueryAsync(leaf, Now, TestContext.Current.CancellationToken);

        Assert.Equal(new LeafResult(ConditionOutcome.True, 750), result["slow"]);
        Assert.Equal(("checkout", (string?)null, (string?)null, Now.AddMinutes(-5), Now), Assert.Single(traces.Queries));
    }

    [Fact]
    public async Task An_edges_error_rate_under_its_threshold_is_false()
    {
        var traces = new FakeTraceMeasureClient((_, _, _) => new TraceMeasures(200, 3, 0.015, 40, 750, 900));
        var leaf = new TraceCondition("errors", TraceSignal.ErrorRate, TimeSpan.FromMinutes(1), ComparisonOperator.GreaterThan, 0.05, From: "checkout", To: "payments");

        var result = await Querier(traces).QueryAsync(leaf, Now, TestContext.Current.CancellationToken);

        Assert.Equal(new LeafResult(ConditionOutcome.False, 0.015), result["errors"]);
        Assert.Equal(((string?)null, "checkout", "payments"), (traces.Queries[0].Service, traces.Queries[0].From, traces.Queries[0].To));
    }

    [Fact]
    public async Task A_window_without_calls_is_no_data_and_a_failed_query_is_an_error()
    {
        var leaf = new TraceCondition("slow", TraceSignal.P95LatencyMs, TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 500, Service: "checkout");

        var quiet = await Querier(new FakeTraceMeasureClient((_, _, _) => new TraceMeasures(0, 0, null, null, null, null))).QueryAsync(leaf, Now, TestContext.Current.CancellationToken);
        var failed = await Querier(new FakeTraceMeasureClient((_, _, _) => throw new TraceQueryFailedException("trace-service answered 503"))).QueryAsync(leaf, Now, TestContext.Current.CancellationToken);

        Assert.Equal(LeafResult.NoData, quiet["slow"]);
        Assert.Equal(LeafResult.Failed("trace-service answered 503"), failed["slow"]);
    }
}
