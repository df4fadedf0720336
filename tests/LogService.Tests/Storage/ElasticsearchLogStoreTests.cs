using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Elasticsearch;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Tests.Storage;

/// <summary>
/// The conformance suite on a real Elasticsearch (one container for the class, one data stream per test).
/// Without a Docker engine every test is skipped with the reason, never passed.
/// </summary>
public sealed class ElasticsearchLogStoreTests : LogStoreConformance
{
    private static readonly Lazy<Task<(IContainer? Container, string? Failure)>> Server = new(StartAsync);
    private LogStoreOptions? _options;

    protected override async Task<ILogStore> CreateStoreAsync()
    {
        var (container, failure) = await Server.Value;
        if (container is null)
        {
            Assert.Skip($"no Docker engine: {failure}");
        }

        _options = new LogStoreOptions
        {
            Kind = "elasticsearch",
            ElasticsearchUrl = $"http://{container.Hostname}:{container.GetMappedPublicPort(9200)}",
            ElasticsearchDataStream = "logs-airis-t" + Guid.NewGuid().ToString("N"),
        };
        return await OpenAsync();
    }

    protected override Task<ILogStore> ReopenAsync(ILogStore store) => OpenAsync();

    protected override Task SettleAsync() => ((ElasticsearchLogStore)Store).RefreshAsync(Ct);

    private async Task<ILogStore> OpenAsync()
    {
        var store = new ElasticsearchLogStore(Options.Create(_options!));
        await store.InitializeAsync(Ct);
        return store;
    }

    private static async Task<(IContainer?, string?)> StartAsync()
    {
        try
        {
            var container = new ContainerBuilder("docker.elastic.co/elasticsearch/elasticsearch:9.1.5")
                .WithEnvironment("discovery.type", "single-node")
                .WithEnvironment("xpack.security.enabled", "false")
                .WithEnvironment("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .WithPortBinding(9200, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(9200).ForPath("/_cluster/health?wait_for_status=yellow&timeout=60s")))
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
