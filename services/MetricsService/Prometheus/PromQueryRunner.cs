using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Runs PromQL over the metric store: one <see cref="PromQlEngine"/> for the service, a fresh
/// <see cref="StoreSeriesSource"/> (and sample budget) per evaluation, range queries in blocks of steps when their
/// reads meet that budget (<see cref="RangeBlocks"/>), and a request's own <c>timeout</c> on top of the engine's,
/// answered as the engine answers its own (<c>timeout</c>, 503).
/// </summary>
public sealed class PromQueryRunner(IMetricStore store, PromQlEngine engine)
{
    public const string TimeoutMessage = "query timed out in expression evaluation";

    /// <summary>Prometheus's text for a timeout that has passed before the query starts (<c>timeout=0</c>).</summary>
    public const string ExpiredMessage = "query timed out in query execution";

    public EngineOptions Options => engine.Options;

    public Task<QueryResult> InstantAsync(Expr expr, long timeMs, TimeSpan? timeout, CancellationToken cancellationToken, StorageTier tier = StorageTier.Raw) =>
        RunAsync(async ct =>
        {
            try
            {
                return await engine.InstantAsync(Source(tier), expr, timeMs, ct);
            }
            catch (SampleLimitException)
            {
                throw new PromQlException(PromQlErrorType.Execution, SampleBudget.ExceededMessage);
            }
        }, timeout, cancellationToken);

    public Task<QueryResult> RangeAsync(
        Expr expr, long startMs, long endMs, long stepMs, TimeSpan? timeout, CancellationToken cancellationToken, StorageTier tier = StorageTier.Raw) =>
        RunAsync(ct => RangeBlocks.EvaluateAsync(
            (from, to) => engine.RangeAsync(Source(tier), expr, from, to, stepMs, new QueryBounds(startMs, endMs), ct),
            startMs, endMs, stepMs, engine.Options.MaxSamples), timeout, cancellationToken);

    private StoreSeriesSource Source(StorageTier tier) => new(store, new SampleBudget(engine.Options.MaxSamples), tier);

    private async Task<QueryResult> RunAsync(Func<CancellationToken, Task<QueryResult>> run, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        // The engine times each evaluation; this deadline covers them all (a range query's blocks) and a request's own timeout.
        var limit = timeout is { } asked && asked < engine.Options.Timeout ? asked : engine.Options.Timeout;
        if (limit <= TimeSpan.Zero)
        {
            throw new PromQlException(PromQlErrorType.Timeout, ExpiredMessage);
        }

        using var deadline = new CancellationTokenSource();

        deadline.CancelAfter(limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await run(linked.Token);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                  && e is OperationCanceledException or PromQlException { Type: PromQlErrorType.Canceled })
        {
            throw new PromQlException(PromQlErrorType.Timeout, TimeoutMessage);
        }
    }
}
