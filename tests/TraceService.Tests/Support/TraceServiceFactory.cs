using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.TraceService.Tests.Support;

/// <summary>trace-service in memory with the real ingest pipeline (readers, converter, batching writer) in front of a <see cref="RecordingTraceStore"/>.</summary>
public sealed class TraceServiceFactory : ServiceFactory<Program>
{
    public RecordingTraceStore Store { get; } = new();

    public HttpClient Writer() => CreateClient().WithToken(Permissions.TracesWrite);

    /// <summary>Serves on real Kestrel on a free loopback port, for clients that need a socket.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ITraceStore>(Store));
    }
}
