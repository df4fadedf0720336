using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.ClickHouse;
using ClickHouse.Driver;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>
/// The conformance suite on a real ClickHouse (one container for the class, one database per test).
/// Without a Docker engine every test is skipped with the reason, never passed.
/// </summary>
public sealed class ClickHouseMetricStoreTests : MetricStoreConformance
{
    private static readonly Lazy<Task<(IContainer? Container, string? Failure)>> Server = new(StartAsync);

    protected override async Task<IMetricStore> CreateStoreAsync()
    {
        var (container, failure) = await Server.Value;
        if (container is null)
        {
            Assert.Skip($"no Docker engine: {failure}");
        }

        var database = "t_" + Guid.NewGuid().ToString("N");
        var server = $"Host={container.Hostname};Port={container.GetMappedPublicPort(8123)};Username=airis;Password=airis";
        using (var admin = new ClickHouseClient(server))
        {
            await admin.ExecuteNonQueryAsync($"CREATE DATABASE {database}", cancellationToken: TestContext.Current.CancellationToken);
        }

        var store = new ClickHouseMetricStore(Options.Create(new MetricStoreOptions { ClickHouseConnectionString = $"{server};Database={database}" }), Time);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    private static async Task<(IContainer?, string?)> StartAsync()
    {
        try
        {
            var container = new ContainerBuilder("clickhouse/clickhouse-server:25.8")
                .WithEnvironment("CLICKHOUSE_USER", "airis")
                .WithEnvironment("CLICKHOUSE_PASSWORD", "airis")
                .WithPortBinding(8123, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(8123).ForPath("/ping")))
                .Build();
            await container.StartAsync();
            return (container, null);
        }
        catch (Exception e)
        {
            return (null, e.GetType().Name + ": " + e.Message.Split('\n')[0].Trim());
        }
    }
}
