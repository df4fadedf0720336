using System.Net.Http.Headers;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AirisEpm.MetricsProtocols.Benchmarks;

/// <summary>
/// POST /api/v1/write over a real Kestrel socket with 2,000-sample batches: HTTP, auth, snappy,
/// decoding and the hand-off to the ingestor. The ingestor here only counts (the store is measured
/// by the store's own benchmarks), so this is the protocol path's ceiling, not the durable-ingest figure.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class RemoteWriteHttpBenchmarks
{
    private const int Samples = RemoteWriteDecodeBenchmarks.Samples;
    private BenchFactory? _factory;
    private HttpClient? _client;
    private byte[] _body = [];

    /// <summary>Requests in flight at once, as Prometheus's remote_write shards send them.</summary>
    [Params(1, 4)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _factory = new BenchFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.With(Permissions.MetricsWrite));
        _body = Snappier.Snappy.CompressToArray(WriteRequests.Build(Samples, 1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public async Task PostBatches()
    {
        var posts = new Task[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            posts[i] = PostOneAsync();
        }

        await Task.WhenAll(posts);
    }

    private async Task PostOneAsync()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        content.Headers.ContentEncoding.Add("snappy");
        using var response = await _client!.PostAsync("/api/v1/write", content);
        if ((int)response.StatusCode != 204)
        {
            throw new InvalidOperationException($"remote_write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed class BenchFactory : ServiceFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Under BenchmarkDotNet there is no test manifest naming the content root: point at the service's folder.
            builder.UseContentRoot(Path.Combine(RepositoryRoot(), "services", "MetricsService"));
            builder.UseSetting("Logging:LogLevel:Default", "Error");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IMetricIngestor>();
                services.AddSingleton<IMetricIngestor, CountingIngestor>();
            });
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AirisEpm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    private sealed class CountingIngestor : IMetricIngestor
    {
        private long _count;

        public Task IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _count, samples.Count);
            return Task.CompletedTask;
        }
    }
}
