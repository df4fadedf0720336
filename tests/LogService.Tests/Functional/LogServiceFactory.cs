using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.LogService.Tests.Functional;

/// <summary>log-service in memory with its Lucene store in a temporary folder, and clients for writing and reading.</summary>
public sealed class LogServiceFactory : ServiceFactory<Program>
{
    public HttpClient Writer() => CreateClient().WithToken(Permissions.LogsWrite);

    public HttpClient Reader() => CreateClient().WithToken(Permissions.LogsRead);

    /// <summary>
    /// Serves on real Kestrel on a free loopback port instead of the in-memory test server, for clients
    /// that need a socket (the OpenTelemetry exporter sends synchronously, which the test server cannot take).
    /// </summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }
}
