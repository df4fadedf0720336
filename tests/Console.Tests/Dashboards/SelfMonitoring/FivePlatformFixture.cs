extern alias alert;
extern alias logs;
extern alias metrics;
extern alias traces;
using AirisEpm.Console.Tests.Dashboards.Support;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Console.Tests.Dashboards.SelfMonitoring;

/// <summary>
/// The five AIRIS apps, each on Kestrel beside a test sidecar, as <c>dapr run -f .</c> starts them. metrics-service
/// scrapes its default targets (the five apps, through its sidecar) on every scrape-tick: their interval is 1 s here, so
/// each tick the test makes by moving the sidecars' clock scrapes all of them.
/// </summary>
public sealed class FivePlatformFixture : IAsyncLifetime
{
    private DaprTestEnvironment? _environment;

    public DaprTestEnvironment Environment => _environment ?? throw new InvalidOperationException("The fixture has not started.");

    public RunningApp Metrics { get; private set; } = null!;

    public RunningApp Logs { get; private set; } = null!;

    public RunningApp Traces { get; private set; } = null!;

    public RunningApp Alerts { get; private set; } = null!;

    public RunningApp Console { get; private set; } = null!;

    public IEnumerable<RunningApp> Apps => [Metrics, Logs, Traces, Alerts, Console];

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync(options => options.ComponentsFolder = ConsoleComponents.Folder);
        Metrics = await _environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService,
            new Dictionary<string, string?> { ["Metrics:Scraping:DefaultIntervalSeconds"] = "1" });
        Logs = await _environment.StartServiceAsync<logs::Program>(AppIds.LogService);
        Traces = await _environment.StartServiceAsync<traces::Program>(AppIds.TraceService);
        Alerts = await _environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
        Console = await _environment.StartServiceAsync<Program>(AppIds.Console, new Dictionary<string, string?> { ["Auth:UseDevelopmentKeys"] = "true" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
    }
}
