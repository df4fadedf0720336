using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Scraping;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AirisEpm.MetricsService.Tests.Support;

/// <summary>metrics-service with a <see cref="CapturingIngestor"/> in place of the store's ingestor.</summary>
public sealed class ProtocolsFactory : ServiceFactory<Program>
{
    public CapturingIngestor Ingestor { get; } = new();

    public InMemoryScrapeTargetRepository Targets { get; } = new();

    /// <summary>Serves on a real Kestrel port (for clients that need one), see <see cref="BaseAddress"/>.</summary>
    public ProtocolsFactory OnKestrel()
    {
        StartOnKestrel();
        return this;
    }

    /// <summary>The Kestrel address after <see cref="OnKestrel"/>.</summary>
    public Uri BaseAddress => KestrelAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMetricIngestor>();
            services.AddSingleton<IMetricIngestor>(Ingestor);
            services.RemoveAll<IScrapeTargetRepository>();
            services.AddSingleton<IScrapeTargetRepository>(Targets);
        });
    }
}
