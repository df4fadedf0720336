extern alias alert;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>Two replicas of alert-service (one app id, two sidecars) sharing the state store and placement.</summary>
public sealed class ReplicatedAlertServiceFixture : EndToEndFixture
{
    public RunningApp First { get; private set; } = null!;

    public RunningApp Second { get; private set; } = null!;

    protected override async Task StartAppsAsync(DaprTestEnvironment environment)
    {
        First = await environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
        Second = await environment.StartServiceAsync<alert::Program>(AppIds.AlertService);
    }
}
