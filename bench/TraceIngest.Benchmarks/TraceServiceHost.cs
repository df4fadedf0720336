using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.DuckDb;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// trace-service on real Kestrel on a loopback port (WebApplicationFactory.UseKestrel), Development environment,
/// with its production ingest pipeline (auth, rate limiter, body limit, gzip, readers, converter, group-commit
/// batching writer) in front of <see cref="CountingTraceStore"/>: discarding, or over the DuckDB store in a fresh
/// folder under /tmp that is deleted at the end. The live dependency graph is fed from every durable batch unless
/// <c>graph</c> is false.
/// </summary>
public sealed class TraceServiceHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-trace-ingest-bench-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDbTraceStore? _duckDb;
    private readonly bool _graph;

    public TraceServiceHost(bool duckDb, bool graph = true)
    {
        _graph = graph;
        Directory.CreateDirectory(_folder);
        _duckDb = duckDb ? new DuckDbTraceStore(Path.Combine(_folder, "traces.duckdb")) : null;
        Store = new CountingTraceStore(_duckDb);
        UseKestrel(0);
        StartServer();
    }

    internal CountingTraceStore Store { get; }

    public HttpClient Writer()
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        return client.WithToken(TimeSpan.FromHours(2), Permissions.TracesWrite);
    }

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
        builder.ConfigureTestServices(services => services.AddSingleton<ITraceStore>(Store));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _duckDb?.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
