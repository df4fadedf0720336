extern alias alert;
extern alias metrics;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>The real metrics-service (DuckDB in a temporary folder) and alert-service, each beside a test sidecar.</summary>
public sealed class MetricRuleFixture : EndToEndFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-e2e-").FullName;

    public RunningApp Metrics { get; private set; } = null!;

    public RunningApp Alerts { get; private set; } = null!;

    protected override async Task StartAppsAsync(DaprTestEnvironment environment)
    {
        Metrics = await environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService, new Dictionary<string, string?>
        {
            ["Metrics:Store:DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb"),
            ["Metrics:Scraping:DefaultTargets"] = null,
        });
        Alerts = await environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
    }
}
