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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ITraceStore>(Store));
    }
}
