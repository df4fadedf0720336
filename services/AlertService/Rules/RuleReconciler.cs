using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Makes what runs match what is stored, at startup and every <see cref="RuleEvaluationOptions.ReconcileInterval"/>:
/// starts every stored rule's actor (a no-op for one already scheduled) and republishes the whole
/// streaming rule set. This heals a rule that was saved while its actor start or the publication
/// failed, and a metrics-service that missed a delivery. A pass with any failure is retried after
/// <see cref="RuleEvaluationOptions.ReconcileRetryDelay"/>.
/// </summary>
public sealed partial class RuleReconciler(
    IRuleRepository rules,
    IRuleScheduler scheduler,
    RulesChangePublisher publisher,
    TimeProvider time,
    IOptions<RuleEvaluationOptions> options,
    ILogger<RuleReconciler> logger) : BackgroundService
{
    private const int Parallelism = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var succeeded = await TryReconcileAsync(stoppingToken);
            var pause = succeeded ? options.Value.ReconcileInterval : options.Value.ReconcileRetryDelay;
            await Task.Delay(pause, time, stoppingToken);
        }
    }

    /// <summary>One pass; false when something failed (logged) and the pass should be retried soon.</summary>
    public async Task<bool> TryReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stored = await rules.ListAsync(cancellationToken);
            var failed = 0;
            await Parallel.ForEachAsync(stored, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (rule, ct) =>
                {
                    try
                    {
                        await scheduler.StartAsync(rule.Id, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        LogStartFailed(logger, ex, rule.Id);
                    }
                });
            var published = await publisher.PublishAllAsync(cancellationToken);
            LogReconciled(logger, stored.Count, failed, published.Version);
            return failed == 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPassFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Rules} rule(s), {Failed} failed to start; streaming rules version {Version}")]
    private static partial void LogReconciled(ILogger logger, int rules, int failed, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the actor of rule {RuleId} failed; the next pass retries")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string ruleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A rule reconciliation pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
