extern alias alert;
extern alias metrics;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.DaprTestSidecar.Tests.Services;

/// <summary>The real metrics-service and alert-service, each on Kestrel beside its test sidecar.</summary>
public sealed class RealServicesFixture : EndToEndFixture
{
    public RunningApp Metrics { get; private set; } = null!;

    public RunningApp Alerts { get; private set; } = null!;

    protected override async Task StartAppsAsync(DaprTestEnvironment environment)
    {
        Metrics = await environment.StartServiceAsync<metrics::Program>(AppIds.MetricsService);
        Alerts = await environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
    }
}
