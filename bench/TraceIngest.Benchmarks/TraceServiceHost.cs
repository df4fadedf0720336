using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// trace-service on real Kestrel on a loopback port (WebApplicationFactory.UseKestrel), Development environment,
/// with its production ingest pipeline (auth, rate limiter, body limit, gzip, readers, converter, group-commit
/// batching writer) in front of <see cref="CountingTraceStore"/>: discarding, or over the store the service itself
/// makes from its configuration (the DuckDB store, with every <c>Traces:Store</c> setting the environment gives) in a
/// fresh folder under /tmp that is deleted at the end. The live dependency graph is fed from every durable batch unless
/// <c>graph</c> is false. <see cref="BenchServer"/> runs it in a process of its own.
/// </summary>
public sealed class TraceServiceHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-trace-ingest-bench-" + Guid.NewGuid().ToString("N"));
    private readonly bool _duckDb;
    private readonly bool _graph;

    public TraceServiceHost(bool duckDb, bool graph = true)
    {
        (_duckDb, _graph) = (duckDb, graph);
        Directory.CreateDirectory(_folder);
        UseKestrel(0);
        StartServer();
        Store = Services.GetRequiredService<CountingTraceStore>();
    }

    internal CountingTraceStore Store { get; }

    /// <summary>Where Kestrel listens (a loopback port chosen at start).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSolutionRelativeContentRoot("services/TraceService", "AirisEpm.sln");
        builder.UseSetting("DAPR_HTTP_PORT", "1");
        builder.UseSetting("DAPR_GRPC_PORT", "2");
        builder.UseSetting("Http:PermitsPerSecond", "10000000");
        builder.UseSetting("Http:Burst", "10000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Traces:Store:DataDirectory", _folder);
        builder.UseSetting("Traces:Graph:Enabled", _graph ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            // The service's own store registration, counted; left out (never made) when the store is excluded.
            var own = services.Single(d => d.ServiceType == typeof(ITraceStore));
            services.Remove(own);
            services.AddSingleton(sp => new CountingTraceStore(_duckDb ? (ITraceStore)own.ImplementationFactory!(sp) : null));
            services.AddSingleton<ITraceStore>(sp => sp.GetRequiredService<CountingTraceStore>());
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
