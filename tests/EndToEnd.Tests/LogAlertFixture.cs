extern alias alert;
extern alias logs;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The real log-service (Lucene in a temporary folder; anomaly windows of 5 s with one window of
/// warm-up, so a test sees a verdict in seconds) and alert-service, each beside a test sidecar.
/// </summary>
public sealed class LogAlertFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-e2e-logs-").FullName;
    private DaprTestEnvironment? _environment;

    public DaprTestEnvironment Environment => _environment ?? throw new InvalidOperationException("The fixture has not started.");

    public RunningApp Logs { get; private set; } = null!;

    public RunningApp Alerts { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync();
        Logs = await _environment.StartServiceAsync<logs::Program>(AppIds.LogService, new Dictionary<string, string?>
        {
            ["Logs:Store:DataPath"] = Path.Combine(_folder, "logs"),
            ["Logs:Anomalies:Window"] = "00:00:05",
            ["Logs:Anomalies:WarmUpWindows"] = "1",
        });
        Alerts = await _environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
