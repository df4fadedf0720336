extern alias alert;
extern alias console;
extern alias metrics;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.EndToEnd.Tests.Console;

/// <summary>
/// The console, metrics-service (on a temporary DuckDB file) and alert-service, each the real Program on Kestrel beside
/// its own sidecar double; the console's first admin is <see cref="AdminPassword"/>. log-service and trace-service are
/// not started.
/// </summary>
public sealed class ConsoleFixture : EndToEndFixture
{
    public const string AdminPassword = "e2e-admin-password";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-e2e-console-" + Guid.NewGuid().ToString("N"));

    public RunningApp Console { get; private set; } = null!;

    protected override async Task StartAppsAsync(DaprTestEnvironment environment)
    {
        Directory.CreateDirectory(_folder);
        await environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService,
            new Dictionary<string, string?> { ["Metrics:Store:DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb") });
        await environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
        Console = await environment.StartServiceAsync<console::Program>(AppIds.Console,
            new Dictionary<string, string?> { ["Console:AdminPassword"] = AdminPassword });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
