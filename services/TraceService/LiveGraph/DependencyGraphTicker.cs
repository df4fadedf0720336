using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.LiveGraph;

/// <summary>
/// Every <see cref="DependencyGraphOptions.TickInterval"/> on the service's clock: pairs what was handed to the
/// replicas' shared state (<see cref="LiveDependencyGraph.PairSharedAsync"/>), closes the live graph's due
/// buckets (<see cref="LiveDependencyGraph.CloseAsync"/>), judges them (<see cref="GraphAnomalies"/>) and publishes
/// each anomaly as <c>traces.anomaly-detected</c>. At shutdown it stores every open bucket. A publish that fails is
/// logged and not retried: the anomaly's bucket has been judged, and alert-service's own trace rules still see the
/// measures.
/// </summary>
public sealed partial class DependencyGraphTicker(
    LiveDependencyGraph graph, IEventBus events, IOptions<DependencyGraphOptions> options, TimeProvider time, ILogger<DependencyGraphTicker> logger)
    : BackgroundService
{
    private readonly GraphAnomalies _anomalies = new(options.Value.Anomalies(), options.Value.BucketNs);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicLoop.RunAsync(options.Value.TickInterval, time, TickAsync, logger, "Closing dependency graph buckets", stoppingToken);

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await graph.PairSharedAsync(cancellationToken);
        var closed = await graph.CloseAsync(cancellationToken);
        if (!options.Value.AnomaliesEnabled)
            return;
        foreach (var anomaly in _anomalies.Judge(closed.Edges, closed.Operations))
        {
            try
            {
                await events.PublishAsync(anomaly, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogPublishFailed(logger, e, anomaly.Service, anomaly.Operation);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await graph.PairSharedAsync(cancellationToken);
            await graph.CloseAsync(cancellationToken, everything: true);
        }
        catch (ObjectDisposedException e)
        {
            // WebApplicationFactory (tests) disposes the services before it stops the host; a real host stops first.
            LogDisposedBeforeStop(logger, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreAtStopFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a trace anomaly of {Service} {Operation}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string service, string operation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The services were disposed before the host stopped; the open dependency graph buckets were not stored")]
    private static partial void LogDisposedBeforeStop(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the open dependency graph buckets at shutdown")]
    private static partial void LogStoreAtStopFailed(ILogger logger, Exception exception);
}
