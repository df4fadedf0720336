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
            .Validate(o => o.DefaultTargets.All(t => t.AppId is null ? t.Url is not null && ScrapeTargetRequestValidator.IsHttpUrl(t.Url) : t.Url is null && IsAppId(t.AppId)),
                $"{ScrapingOptions.Section}:DefaultTargets: each names either a Url (an absolute http(s) URL) or an AppId (a Dapr app id), not both.")
            .ValidateOnStart();
        services.AddValidatorsOf<ScrapeTargetRequestValidator>();
        services.AddSingleton<IScrapeTargetRepository, DaprScrapeTargetRepository>();
        services.AddSingleton(sp => SidecarEndpoint.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ScrapeSchedule>();
        services.AddTransient<ScrapeCoordinator>();
        services.AddHttpClient<TargetScraper>(TargetScraper.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        return builder;
    }

    /// <summary>Dapr app ids: lower-case letters, digits and dashes (they are DNS names in Kubernetes).</summary>
    private static bool IsAppId(string appId) =>
        appId.Length is > 0 and <= 63 && appId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && appId[0] != '-' && appId[^1] != '-';

    public static WebApplication MapMetricsProtocols(this WebApplication app)
    {
        app.MapRemoteWriteApi();
        app.MapOtlpMetricsApi();
        app.MapScrapeTargetsApi();
        return app;
    }
}
