using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Tests.Prometheus;

public sealed class RangeBlocksTests
{
    private const long Step = 10;

    [Fact]
    public async Task A_block_that_reads_too_much_is_halved_until_it_fits_and_the_halves_join_in_time_order()
    {
        // Reading costs 10 samples a step for each of two series; the budget holds 30, so blocks of at most 3 steps read.
        var blocks = new List<(long, long)>();
        var result = await RangeBlocks.EvaluateAsync((from, to) =>
        {
            blocks.Add((from, to));
            return Task.FromResult(Steps(from, to, readLimit: 3, "b", "a"));
        }, 0, 90, Step, maxSamples: 30);

        var series = Assert.IsType<MatrixValue>(result.Value).Series;
        Assert.Equal(["{s=\"a\"}", "{s=\"b\"}"], series.Select(s => s.Metric.ToString()));
        Assert.All(series, s => Assert.Equal(Enumerable.Range(0, 10).Select(i => (i * Step, (double)i)), s.Points.Select(p => (p.T, p.V))));
        Assert.Equal((0L, 90L), blocks[0]);
        Assert.Equal([(0L, 10L), (20L, 40L), (50L, 60L), (70L, 90L)], blocks.Where(b => (b.Item2 - b.Item1) / Step < 3));
        Assert.Equal(["warned"], result.Warnings);
        Assert.Equal(2, result.Stats.SeriesReturned);
    }

    [Fact]
    public async Task One_step_that_reads_too_much_is_prometheus_execution_error()
    {
        var refused = await Assert.ThrowsAsync<PromQlException>(() => RangeBlocks.EvaluateAsync(
            (from, to) => Task.FromResult(Steps(from, to, readLimit: 0, "a")), 0, 50, Step, maxSamples: 100));

        Assert.Equal((PromQlErrorType.Execution, SampleBudget.ExceededMessage), (refused.Type, refused.Message));
    }

    [Fact]
    public async Task Joined_blocks_holding_more_points_than_the_limit_are_refused_as_prometheus_holds_its_output()
    {
        var refused = await Assert.ThrowsAsync<PromQlException>(() => RangeBlocks.EvaluateAsync(
            (from, to) => Task.FromResult(Steps(from, to, readLimit: 2, "a", "b", "c")), 0, 90, Step, maxSamples: 20));

        Assert.Equal(PromQlErrorType.Execution, refused.Type);
    }

    [Fact]
    public async Task A_query_that_fits_is_evaluated_once_and_answered_as_the_engine_answered()
    {
        var calls = 0;
        var answer = Steps(0, 30, readLimit: 10, "a");

        var result = await RangeBlocks.EvaluateAsync((_, _) => { calls++; return Task.FromResult(answer); }, 0, 30, Step, maxSamples: 100);

        Assert.Same(answer, result);
        Assert.Equal(1, calls);
    }

    /// <summary>A block's answer: each series' value at a step is the step's index; more than <paramref name="readLimit"/> steps read too much.</summary>
    private static QueryResult Steps(long from, long to, int readLimit, params string[] names)
    {
        if ((to - from) / Step + 1 > readLimit)
        {
            throw new SampleLimitException(readLimit);
        }

        var series = names.Select(n => new Series(LabelSet.From(("s", n)), [.. Enumerable.Range(0, (int)((to - from) / Step) + 1).Select(i => new Point(from + i * Step, (from / Step) + i))]));
        return new QueryResult(new MatrixValue([.. series]), ["warned"], new QueryStats(1, names.Length, TimeSpan.FromMilliseconds(1)));
    }
}
