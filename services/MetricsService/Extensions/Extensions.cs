namespace AirisEpm.MetricsService.Extensions;

/// <summary>The composition root of metrics-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddMetricsServiceServices(this IHostApplicationBuilder builder)
    {
        builder.AddMetricsProtocols();
        return builder;
    }

    public static WebApplication MapMetricsServiceApi(this WebApplication app)
    {
        app.MapMetricsProtocols();
        return app;
    }
}
