extern alias alert;
extern alias traces;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The real trace-service (DuckDB in a temporary folder) on the environment's fake clock, which drives its peer wait,
/// bucket closing and anomaly judging (ticks every second of that clock; a baseline of three buckets of at least five
/// calls, so a test sees a verdict after a few simulated minutes), and the real alert-service, each beside a test sidecar.
/// </summary>
public sealed class TraceGraphFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-e2e-traces-").FullName;
    private DaprTestEnvironment? _environment;

    public DaprTestEnvironment Environment => _environment ?? throw new InvalidOperationException("The fixture has not started.");

    public RunningApp Traces { get; private set; } = null!;

    public RunningApp Alerts { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync();
        var clock = _environment.Clock;
        Traces = await _environment.StartServiceAsync<traces::Program>(AppIds.TraceService, new Dictionary<string, string?>
        {
            ["Traces:Store:DataDirectory"] = Path.Combine(_folder, "traces"),
            ["Traces:Graph:TickInterval"] = "00:00:01",
            ["Traces:Graph:MinBaselineBuckets"] = "3",
            ["Traces:Graph:MinCalls"] = "5",
        }, services: s => s.AddSingleton<TimeProvider>(clock));
        Alerts = await _environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
    }

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
