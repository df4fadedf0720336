using AirisEpm.MetricsService.Apis;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.Otlp;
using AirisEpm.MetricsService.Protocols.Otlp.Delta;
using AirisEpm.MetricsService.Protocols.RemoteWrite;
using AirisEpm.MetricsService.Scraping;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Extensions;

/// <summary>The wire protocols (remote_write, OTLP) and scraping; the ingestor itself is registered by the store.</summary>
internal static class ProtocolExtensions
{
    public static IHostApplicationBuilder AddMetricsProtocols(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProtocolOptions>().BindConfiguration(ProtocolOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OtlpOptions>().BindConfiguration(OtlpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OtlpOptions>, OtlpOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var otlp = sp.GetRequiredService<IOptions<OtlpOptions>>().Value;
            return new DeltaAccumulator(sp.GetRequiredService<TimeProvider>(), otlp.DeltaMaxStale, otlp.MaxDeltaStreams);
        });
        services.AddSingleton<RemoteWriteDecoder>();
        services.AddSingleton<OtlpMetricConverter>();

        services.AddOptions<ScrapingOptions>().BindConfiguration(ScrapingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultTargets.All(t => ScrapeTargetRequestValidator.IsHttpUrl(t.Url)),
                $"{ScrapingOptions.Section}:DefaultTargets: every Url must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddValidatorsOf<ScrapeTargetRequestValidator>();
        services.AddSingleton<IScrapeTargetRepository, DaprScrapeTargetRepository>();
        services.AddSingleton<ScrapeSchedule>();
        services.AddTransient<ScrapeCoordinator>();
        services.AddHttpClient<TargetScraper>(TargetScraper.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        return builder;
    }

    public static WebApplication MapMetricsProtocols(this WebApplication app)
    {
        app.MapRemoteWriteApi();
        app.MapOtlpMetricsApi();
        app.MapScrapeTargetsApi();
        return app;
    }
}
