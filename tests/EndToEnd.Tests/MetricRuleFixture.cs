extern alias alert;
extern alias metrics;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The real metrics-service (DuckDB in a temporary folder) and alert-service, each beside a test sidecar.
/// Relative component paths (the secret store's secretsFile) start in an app directory, as daprd run with
/// appDirPath does; the harness's default (the repository root) no longer matches components/local.
/// </summary>
public sealed class MetricRuleFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-e2e-").FullName;
    private DaprTestEnvironment? _environment;

    public DaprTestEnvironment Environment => _environment ?? throw new InvalidOperationException("The fixture has not started.");

    public RunningApp Metrics { get; private set; } = null!;

    public RunningApp Alerts { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync();
        Metrics = await _environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService, new Dictionary<string, string?>
        {
            ["Metrics:Store:DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb"),
        });
        Alerts = await _environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
