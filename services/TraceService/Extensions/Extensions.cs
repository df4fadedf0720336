using AirisEpm.TraceService.Apis;

namespace AirisEpm.TraceService.Extensions;

/// <summary>The composition root of trace-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddTraceServiceServices(this IHostApplicationBuilder builder)
    {
        builder.AddTraceStore();
        return builder;
    }

    public static WebApplication MapTraceServiceApi(this WebApplication app)
    {
        app.MapJaegerQueryApi();
        app.MapTraceQueryApi();
        return app;
    }
}
