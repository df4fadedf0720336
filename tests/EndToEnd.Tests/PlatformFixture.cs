extern alias alert;
extern alias metrics;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Client;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// The real metrics-service (on a temporary DuckDB file) and alert-service, each on Kestrel beside
/// its own test sidecar, with the SMTP server and the HTTP receiver standing in for Slack and Twilio.
/// </summary>
public sealed class PlatformFixture : EndToEndFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-e2e-" + Guid.NewGuid().ToString("N"));

    public RunningApp Metrics { get; private set; } = null!;

    public RunningApp Alerts { get; private set; } = null!;

    protected override async Task StartAppsAsync(DaprTestEnvironment environment)
    {
        Directory.CreateDirectory(_folder);
        Metrics = await environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService, new Dictionary<string, string?>
        {
            ["Metrics:Store:DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb"),
            ["Metrics:Thresholds:PublishInterval"] = "00:00:00.050",
        });
        Alerts = await environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
    }

    /// <summary>The real Dapr SDK, talking to <paramref name="app"/>'s sidecar as that app would.</summary>
    public static DaprClient DaprClientOf(RunningApp app) => DaprClientOf(app.Sidecar);

    public static DaprClient DaprClientOf(TestSidecar sidecar)
    {
        var builder = new DaprClientBuilder()
            .UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString())
            .UseHttpEndpoint(sidecar.HttpEndpoint.ToString());
        if (sidecar.Options.DaprApiToken is { Length: > 0 } token)
        {
            builder.UseDaprApiToken(token);
        }

        return builder.Build();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
