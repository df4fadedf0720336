using AirisEpm.ServiceDefaults.Errors;

namespace AirisEpm.WebConsole.Dashboards.SelfMonitoring;

/// <summary>
/// Creates <see cref="SelfMonitoringDashboard"/> at start when no dashboard has its id. The create is a first write
/// (<see cref="IDashboardRepository.CreateAsync"/>), so two replicas starting together store it once, and a restart
/// leaves it as people edited it; a deleted one comes back at the next start. The state store may answer only after
/// the app (the sidecar starts beside it), so a failed try is repeated, 1 s doubling to 1 min, until it succeeds; a
/// failure never stops the console.
/// </summary>
public sealed partial class SelfMonitoringSeeder(IDashboardRepository dashboards, TimeProvider time, ILogger<SelfMonitoringSeeder> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var write = await dashboards.CreateAsync(SelfMonitoringDashboard.Create(), stoppingToken);
                if (write.Outcome == DashboardWriteOutcome.Done) LogSeeded(SelfMonitoringDashboard.Id);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The first minute of an unreachable store is the sidecar starting; after that, or anything else, is worth a warning.
                if (e is not DependencyUnavailableException || attempt > 6) LogStillFailing(e, SelfMonitoringDashboard.Id, attempt);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the self-monitoring dashboard {DashboardId}")]
    private partial void LogSeeded(string dashboardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The self-monitoring dashboard {DashboardId} is not stored yet (attempt {Attempt}); retrying")]
    private partial void LogStillFailing(Exception exception, string dashboardId, int attempt);
}
