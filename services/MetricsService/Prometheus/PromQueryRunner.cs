using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Runs PromQL over the metric store: one <see cref="PromQlEngine"/> for the service, a fresh
/// <see cref="StoreSeriesSource"/> (and sample budget) per query, and a request's own <c>timeout</c> on top of the
/// engine's, answered as the engine answers its own (<c>timeout</c>, 503).
/// </summary>
public sealed class PromQueryRunner(IMetricStore store, PromQlEngine engine)
{
    public const string TimeoutMessage = "query timed out in expression evaluation";

    /// <summary>Prometheus's text for a timeout that has passed before the query starts (<c>timeout=0</c>).</summary>
    public const string ExpiredMessage = "query timed out in query execution";

    public EngineOptions Options => engine.Options;

    public Task<QueryResult> InstantAsync(Expr expr, long timeMs, TimeSpan? timeout, CancellationToken cancellationToken, StorageTier tier = StorageTier.Raw) =>
        RunAsync((source, ct) => engine.InstantAsync(source, expr, timeMs, ct), timeout, tier, cancellationToken);

    public Task<QueryResult> RangeAsync(
        Expr expr, long startMs, long endMs, long stepMs, TimeSpan? timeout, CancellationToken cancellationToken, StorageTier tier = StorageTier.Raw) =>
        RunAsync((source, ct) => engine.RangeAsync(source, expr, startMs, endMs, stepMs, ct), timeout, tier, cancellationToken);

    private async Task<QueryResult> RunAsync(
        Func<ISeriesSource, CancellationToken, Task<QueryResult>> run, TimeSpan? timeout, StorageTier tier, CancellationToken cancellationToken)
    {
        var source = new StoreSeriesSource(store, new SampleBudget(engine.Options.MaxSamples), tier);
        if (timeout is not { } limit || limit >= engine.Options.Timeout)
        {
            return await run(source, cancellationToken);
        }

        if (limit <= TimeSpan.Zero)
        {
            throw new PromQlException(PromQlErrorType.Timeout, ExpiredMessage);
        }

        using var deadline = new CancellationTokenSource();

        deadline.CancelAfter(limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await run(source, linked.Token);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                  && e is OperationCanceledException or PromQlException { Type: PromQlErrorType.Canceled })
        {
            throw new PromQlException(PromQlErrorType.Timeout, TimeoutMessage);
        }
    }
}
