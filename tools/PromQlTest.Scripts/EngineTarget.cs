using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// The real thing: each query parsed by <see cref="PromQlParser"/> and evaluated by <see cref="PromQlEngine"/> over
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
    /// The engine as promqltest configures Prometheus's: subqueries without a step use 1m (promqltest's
    /// <c>NoStepSubqueryIntervalFn</c>), lookback 5m, and the engine's limits otherwise.
    /// </summary>
    public static EngineOptions ScriptOptions() => new() { DefaultSubqueryStep = TimeSpan.FromMinutes(1) };

    /// <summary>The factory <see cref="ScriptRunner.RunAsync"/> takes: a fresh engine and source over each state of the data.</summary>
    public static Func<IReadOnlyList<Series>, IQueryTarget> Factory(EngineOptions? options = null) =>
        data => new EngineTarget(data, options ?? ScriptOptions());

    public Task<QueryOutcome> InstantAsync(string query, long timeMs, CancellationToken cancellationToken) =>
        RunAsync(query, expr => _engine.InstantAsync(_source, expr, timeMs, cancellationToken));

    public Task<QueryOutcome> RangeAsync(string query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken) =>
        RunAsync(query, expr => _engine.RangeAsync(_source, expr, startMs, endMs, stepMs, cancellationToken));

    private static async Task<QueryOutcome> RunAsync(string query, Func<PromQl.Ast.Expr, Task<QueryResult>> evaluate)
    {
        try
        {
            var expr = PromQlParser.ParseExpr(query);
            return QueryOutcome.Succeeded(await evaluate(expr).ConfigureAwait(false));
        }
        catch (PromQlException ex)
        {
            return QueryOutcome.Failed(ex.Message);
        }
    }
}
