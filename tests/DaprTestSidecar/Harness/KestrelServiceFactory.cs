using System.Net;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>Runs a service's real Program on real Kestrel, on a free loopback port.</summary>
public sealed class KestrelServiceFactory<TProgram> : ServiceFactory<TProgram>
    where TProgram : class
{
    private ListenOptions? _listen;

    public KestrelServiceFactory() => UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => _listen = o));

    /// <summary>Replaces services after the service's own registrations (a test's clock, say), as ConfigureTestServices does.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public Uri Start()
    {
        StartServer();
        return new Uri($"http://127.0.0.1:{_listen!.IPEndPoint!.Port}/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (ConfigureServices is { } configure)
            builder.ConfigureTestServices(configure);
    }
}
