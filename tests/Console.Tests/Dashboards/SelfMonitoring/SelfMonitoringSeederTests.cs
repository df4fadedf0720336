using AirisEpm.Console.Tests.Dashboards.Support;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.SelfMonitoring;
using Dapr.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.Console.Tests.Dashboards.SelfMonitoring;

/// <summary>The seeder against the console's state store through test sidecars: once for two replicas, never over an edit.</summary>
public sealed class SelfMonitoringSeederTests : IAsyncLifetime
{
    private DaprTestEnvironment _environment = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _environment = await DaprTestEnvironment.StartAsync(options => options.ComponentsFolder = ConsoleComponents.Folder);

    public async ValueTask DisposeAsync() => await _environment.DisposeAsync();

    [Fact]
    public async Task Two_replicas_starting_together_store_it_once_and_a_restart_keeps_what_people_changed()
    {
        var (first, second) = (await ReplicaAsync(), await ReplicaAsync());

        await Task.WhenAll(SeedAsync(first, TimeProvider.System), SeedAsync(second, TimeProvider.System));

        var listed = await first.ListAsync(Ct);
        Assert.Equal([("AIRIS EPM", SelfMonitoringDashboard.Id)], listed.Select(s => (s.Title, s.Id)));
        var seeded = (await first.GetAsync(SelfMonitoringDashboard.Id, Ct))!;
        Assert.Equal(1, seeded.Version);
        Assert.Equal(SelfMonitoringDashboard.Create().Panels.Count, seeded.Panels.Count);

        Assert.Equal(DashboardWriteOutcome.Done, (await second.UpdateAsync(seeded with { Title = "AIRIS EPM (ours)", Panels = seeded.Panels.Take(2).ToList() }, 1, Ct)).Outcome);
        await SeedAsync(await ReplicaAsync(), TimeProvider.System);

        var kept = (await first.GetAsync(SelfMonitoringDashboard.Id, Ct))!;
        Assert.Equal(("AIRIS EPM (ours)", 2, 2), (kept.Title, kept.Version, kept.Panels.Count));
        Assert.Single(await first.ListAsync(Ct));
    }

    [Fact]
    public async Task While_the_store_refuses_writes_the_seeder_retries_until_it_is_stored()
    {
        var store = _environment.Mesh.StateStore(DaprComponents.StateStore);
        store.RefuseTransaction = _ => "the store is starting";
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var repository = await ReplicaAsync();
        using var seeder = new SelfMonitoringSeeder(repository, clock, NullLogger<SelfMonitoringSeeder>.Instance);
        await seeder.StartAsync(Ct);

        await Eventually.TrueAsync(() => clock.GetUtcNow() > DateTimeOffset.UtcNow.AddSeconds(30), clock: clock, step: TimeSpan.FromSeconds(1),
            what: "a few retries against the refusing store");
        Assert.False(seeder.ExecuteTask!.IsCompleted);
        Assert.Null(await repository.GetAsync(SelfMonitoringDashboard.Id, Ct));

        store.RefuseTransaction = null;
        await Eventually.TrueAsync(() => seeder.ExecuteTask.IsCompleted, clock: clock, step: TimeSpan.FromSeconds(30), what: "the seeder to finish");
        Assert.NotNull(await repository.GetAsync(SelfMonitoringDashboard.Id, Ct));
    }

    /// <summary>A console replica's view of the store: its own sidecar, the real SDK, the real repository.</summary>
    private async Task<DaprDashboardRepository> ReplicaAsync()
    {
        var sidecar = await _environment.Mesh.StartSidecarAsync(AppIds.Console, new SidecarOptions { DaprApiToken = "dapr-" + Guid.NewGuid().ToString("N") });
        var client = new DaprClientBuilder()
            .UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString())
            .UseHttpEndpoint(sidecar.HttpEndpoint.ToString())
            .UseDaprApiToken(sidecar.Options.DaprApiToken!)
            .Build();
        return new DaprDashboardRepository(client, TimeProvider.System);
    }

    private static async Task SeedAsync(IDashboardRepository repository, TimeProvider clock)
    {
        using var seeder = new SelfMonitoringSeeder(repository, clock, NullLogger<SelfMonitoringSeeder>.Instance);
        await seeder.StartAsync(Ct);
        await seeder.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }
}
