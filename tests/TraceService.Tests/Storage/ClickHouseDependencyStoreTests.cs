using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.Dependencies;
using ClickHouse.Driver;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>
/// The dependency store's conformance suite on a real ClickHouse (the span suite's container, one database per test).
/// Without a Docker engine every test is skipped with the reason, never passed.
/// </summary>
public sealed class ClickHouseDependencyStoreTests : DependencyStoreConformance
{
    protected override async Task<IDependencyStore> CreateStoreAsync()
    {
        var (container, failure) = await ClickHouseTraceStoreTests.Server.Value;
        if (container is null)
            Assert.Skip($"no Docker engine: {failure}");

        var database = "d_" + Guid.NewGuid().ToString("N");
        var server = $"Host={container.Hostname};Port={container.GetMappedPublicPort(8123)};Username=airis;Password=airis";
        using (var admin = new ClickHouseClient(server))
            await admin.ExecuteNonQueryAsync($"CREATE DATABASE {database}", cancellationToken: Ct);

        var store = new ClickHouseDependencyStore(Options.Create(new TraceStoreOptions { Provider = "ClickHouse", ClickHouseConnectionString = $"{server};Database={database}" }));
        await store.InitializeAsync(Ct);
        await store.InitializeAsync(Ct);
        return store;
    }
}
