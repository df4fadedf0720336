using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.MetricsService.Tests.Support;

/// <summary>The loopback http address a test host serves on after <c>UseKestrel(0)</c> and <c>StartServer()</c>.</summary>
public static class KestrelAddress
{
    public static Uri Of(IServiceProvider services) => new(services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
        .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
}
