using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using Microsoft.Extensions.Time.Testing;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;
using static AirisEpm.PromQl.Tests.Engine.Q;

namespace AirisEpm.PromQl.Tests.Engine;

public sealed class LimitTests
{
    private readonly InMemorySeriesSource _source = TestData.Load("1m", ("x{i=\"1\"}", "0+1x100"), ("x{i=\"2\"}", "0+1x100"));

    [Fact]
    public async Task Holding_more_samples_than_allowed_fails_as_prometheus()
    {
        var engine = new PromQlEngine(new EngineOptions { MaxSamples = 150 });

        // A range selector answered as such holds both windows: 200 points.
        await Fails(
            () => engine.InstantAsync(_source, Sel("x").R("100m"), 6_000_000, CancellationToken.None),
            PromQlErrorType.Execution, "query processing would load too many samples into memory in query execution");

        // rate holds one series' window at a time beside the results so far: 100 + 2 at most, though it reads all 200.
        var result = await engine.InstantAsync(_source, F("rate", Sel("x").R("100m")), 6_000_000, CancellationToken.None);
        Assert.Equal((200L, 102L), (result.Stats.SamplesLoaded, result.Stats.PeakSamples));
    }

    [Fact]
    public async Task Points_a_range_query_holds_count_too()
    {
        // x's 2 series × 101 steps are held while sum reads 202 more: more than 250 at once.
        var engine = new PromQlEngine(new EngineOptions { MaxSamples = 250 });
        await Fails(
            () => engine.RangeAsync(_source, B(BinaryOp.Add, Sel("x"), Agg(AggregateOp.Sum, Sel("x"))), 0, 6_000_000, 60_000, CancellationToken.None),
            PromQlErrorType.Execution, "query processing would load too many samples into memory in query execution");
    }

    [Fact]
    public async Task More_points_per_series_than_allowed_is_bad_data()
    {
        await Fails(
            () => Range(_source, Sel("x"), "0s", "11001s", "1s"),
            PromQlErrorType.BadData, "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");

        // 11,000 intervals (11,001 points) is still allowed, as in Prometheus.
        await Range(_source, Sel("x"), "0s", "11000s", "1s");
    }

    [Fact]
    public async Task Bad_range_parameters_are_bad_data()
    {
        await Fails(() => Range(_source, Sel("x"), "0s", "1m", "0s"), PromQlErrorType.BadData,
            "zero or negative query resolution step widths are not accepted. Try a positive integer");
        await Fails(() => Range(_source, Sel("x"), "2m", "1m", "1m"), PromQlErrorType.BadData, "end timestamp must not be before start time");
        await Fails(() => Range(_source, Sel("x").R("5m"), "0s", "1m", "1m"), PromQlErrorType.BadData,
            "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector");
        await Fails(() => Range(_source, S("text"), "0s", "1m", "1m"), PromQlErrorType.BadData,
            "invalid expression type \"string\" for range query, must be Scalar or instant Vector");
    }

    [Fact]
    public async Task A_query_past_its_timeout_fails_with_the_timeout_type()
    {
        var time = new FakeTimeProvider();
        var engine = new PromQlEngine(new EngineOptions { Timeout = TimeSpan.FromSeconds(10) }, time);
        var source = new BlockingSource();
        var query = engine.InstantAsync(source, Sel("x"), 0, CancellationToken.None);
        await source.Entered.Task;
        time.Advance(TimeSpan.FromSeconds(11));
        await Fails(() => query, PromQlErrorType.Timeout, "query timed out in expression evaluation");
    }

    [Fact]
    public async Task A_cancelled_caller_gets_the_canceled_type()
    {
        using var cancellation = new CancellationTokenSource();
        var source = new BlockingSource();
        var query = EngineAssert.Engine.InstantAsync(source, Sel("x"), 0, cancellation.Token);
        await source.Entered.Task;
        await cancellation.CancelAsync();
        await Fails(() => query, PromQlErrorType.Canceled, "query was canceled in expression evaluation");
    }

    [Fact]
    public async Task Cancellation_is_noticed_between_series_during_evaluation()
    {
        using var cancellation = new CancellationTokenSource();
        var source = new CancellingSource(_source, cancellation);
        await Fails(() => EngineAssert.Engine.RangeAsync(source, F("rate", Sel("x").R("5m")), 0, 6_000_000, 60_000, cancellation.Token),
            PromQlErrorType.Canceled, "query was canceled in expression evaluation");
    }

    [Theory]
    [InlineData(nameof(EngineOptions.LookbackDelta), "LookbackDelta must be at least 1 ms.")]
    [InlineData(nameof(EngineOptions.MaxSamples), "MaxSamples must be positive.")]
    [InlineData(nameof(EngineOptions.Timeout), "Timeout must be positive.")]
    [InlineData(nameof(EngineOptions.MaxPointsPerSeries), "MaxPointsPerSeries must be positive.")]
    [InlineData(nameof(EngineOptions.DefaultSubqueryStep), "DefaultSubqueryStep must be at least 1 ms.")]
    public void Options_are_validated(string option, string problem)
    {
        var options = option switch
        {
            nameof(EngineOptions.LookbackDelta) => new EngineOptions { LookbackDelta = TimeSpan.Zero },
            nameof(EngineOptions.MaxSamples) => new EngineOptions { MaxSamples = 0 },
            nameof(EngineOptions.Timeout) => new EngineOptions { Timeout = TimeSpan.FromSeconds(-1) },
            nameof(EngineOptions.MaxPointsPerSeries) => new EngineOptions { MaxPointsPerSeries = 0 },
            _ => new EngineOptions { DefaultSubqueryStep = TimeSpan.Zero },
        };
        Assert.Equal([problem], options.Validate());
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => new PromQlEngine(options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_prometheus_defaults_and_valid()
    {
        var options = new EngineOptions();
        Assert.Empty(options.Validate());
        Assert.Equal(
            (TimeSpan.FromMinutes(5), 50_000_000L, TimeSpan.FromMinutes(2), 11_000, TimeSpan.FromMinutes(1)),
            (options.LookbackDelta, options.MaxSamples, options.Timeout, options.MaxPointsPerSeries, options.DefaultSubqueryStep));
    }

    [Fact]
    public async Task A_shorter_lookback_delta_forgets_sooner()
    {
        var engine = new PromQlEngine(new EngineOptions { LookbackDelta = TimeSpan.FromSeconds(30) });
        var source = TestData.Load("1m", ("x", "1"));
        var result = await engine.InstantAsync(source, Sel("x"), 30_000, CancellationToken.None);
        Assert.Empty(Assert.IsType<VectorValue>(result.Value).Samples);
    }

    /// <summary>A source that waits until the query is cancelled.</summary>
    private sealed class BlockingSource : ISeriesSource
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<Matcher> matchers, SelectHints hints, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }

    /// <summary>Answers, then cancels the caller, so the cancellation arrives while the engine computes.</summary>
    private sealed class CancellingSource(ISeriesSource inner, CancellationTokenSource cancellation) : ISeriesSource
    {
        public async Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<Matcher> matchers, SelectHints hints, CancellationToken cancellationToken)
        {
            var result = await inner.SelectAsync(matchers, hints, cancellationToken);
            await cancellation.CancelAsync();
            return result;
        }
    }
}
