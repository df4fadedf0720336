using AirisEpm.PromQl.Engine;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// The real thing: each query parsed and evaluated by <see cref="PromQlEngine"/> (its query-string overloads) over
/// the script's series in an <see cref="InMemorySeriesSource"/>. A <see cref="PromQlException"/> (a parse, type or
/// execution error) is the query's error; anything else thrown is a crash.
/// </summary>
public sealed class EngineTarget : IQueryTarget
{
    private readonly PromQlEngine _engine;
    private readonly InMemorySeriesSource _source = new();

    public EngineTarget(IReadOnlyList<Series> data, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        _engine = new PromQlEngine(options);
        foreach (var series in data)
        {
            _source.Add(series.Metric, series.Points);
        }
    }

    /// <summary>
    /// The engine as promqltest configures Prometheus's, which is the engine's defaults: subqueries without a step
    /// use 1m (promqltest's <c>NoStepSubqueryIntervalFn</c>), lookback 5m, Prometheus's limits.
    /// </summary>
    public static EngineOptions ScriptOptions() => new();

    /// <summary>The factory <see cref="ScriptRunner.RunAsync"/> takes: a fresh engine and source over each state of the data.</summary>
    public static Func<IReadOnlyList<Series>, IQueryTarget> Factory(EngineOptions? options = null) =>
        data => new EngineTarget(data, options ?? ScriptOptions());

    public Task<QueryOutcome> InstantAsync(string query, long timeMs, CancellationToken cancellationToken) =>
        RunAsync(() => _engine.InstantAsync(_source, query, timeMs, cancellationToken));

    public Task<QueryOutcome> RangeAsync(string query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken) =>
        RunAsync(() => _engine.RangeAsync(_source, query, startMs, endMs, stepMs, cancellationToken));

    private static async Task<QueryOutcome> RunAsync(Func<Task<QueryResult>> evaluate)
    {
        try
        {
            return QueryOutcome.Succeeded(await evaluate().ConfigureAwait(false));
        }
        catch (PromQlException ex)
        {
            return QueryOutcome.Failed(ex.Message);
        }
    }
}
