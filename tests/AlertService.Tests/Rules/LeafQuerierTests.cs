using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class LeafQuerierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static LeafQuerier Querier(FakeLogCountClient logs) =>
        new(new FakeMetricQueryClient(_ => new MetricQueryResult([])), logs);

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
}
