using AirisEpm.ServiceDefaults.Errors;

namespace AirisEpm.WebConsole.Auth;

/// <summary>
/// Creates the first admin at start. The sidecar may come up after the app, so a store that does not answer is tried
/// again every few seconds for a minute; after that, the first sign-in tries again.
/// </summary>
public sealed partial class FirstAdminStartup(FirstAdmin firstAdmin, TimeProvider time, ILogger<FirstAdminStartup> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(3);
    private const int Attempts = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (await firstAdmin.EnsureAsync(stoppingToken) is { } problem) LogNotSetUp(logger, problem);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never fail the host: the first sign-in tries again, and says what is wrong.
                if (attempt == Attempts || ex is not DependencyUnavailableException)
                {
                    LogGaveUp(logger, ex.Message);
                    if (ex is not DependencyUnavailableException) return;
                }

                await Task.Delay(Pause, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogNotSetUp(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The first admin could not be checked at start ({Reason}); the first sign-in tries again")]
    private static partial void LogGaveUp(ILogger logger, string reason);
}
