using AirisEpm.MetricsService.Apis;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.Otlp;
using AirisEpm.MetricsService.Protocols.RemoteWrite;

namespace AirisEpm.MetricsService.Extensions;

/// <summary>The wire protocols (remote_write, OTLP) and scraping; the ingestor itself is registered by the store.</summary>
internal static class ProtocolExtensions
{
    public static IHostApplicationBuilder AddMetricsProtocols(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProtocolOptions>().BindConfiguration(ProtocolOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RemoteWriteDecoder>();
        builder.Services.AddSingleton<OtlpMetricConverter>();
        return builder;
    }

    public static WebApplication MapMetricsProtocols(this WebApplication app)
    {
        app.MapRemoteWriteApi();
        app.MapOtlpMetricsApi();
        return app;
    }
}
