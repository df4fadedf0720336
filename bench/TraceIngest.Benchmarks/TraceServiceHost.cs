using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// trace-service on real Kestrel on a loopback port (WebApplicationFactory.UseKestrel), Development environment,
/// with its production ingest pipeline (auth, rate limiter, body limit, gzip, readers, converter, group-commit
/// batching writer) in front of <see cref="DiscardingTraceStore"/>.
/// </summary>
public sealed class TraceServiceHost : WebApplicationFactory<Program>
{
    internal DiscardingTraceStore Store { get; } = new();

    public TraceServiceHost()
    {
        UseKestrel(0);
        StartServer();
    }

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
        builder.ConfigureTestServices(services => services.AddSingleton<ITraceStore>(Store));
    }
}
