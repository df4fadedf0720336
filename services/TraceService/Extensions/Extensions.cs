using AirisEpm.TraceService.Apis;
using AirisEpm.TraceService.Apis.Dependencies;

namespace AirisEpm.TraceService.Extensions;

/// <summary>The composition root of trace-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddTraceServiceServices(this IHostApplicationBuilder builder)
    {
        builder.AddTraceStore();
        builder.AddDependencyGraph();
        builder.AddTraceIngest();
        builder.AddSpanMetrics();
        // Unknown gRPC services get no catch-all endpoint: every mapped route is one we guard.
        builder.Services.AddGrpc(o => o.IgnoreUnknownServices = true);
        return builder;
    }

    public static WebApplication MapTraceServiceApi(this WebApplication app)
    {
        app.MapOtlpTracesApi();
        app.MapZipkinSpansApi();
        app.MapGrpcService<OtlpTracesGrpcService>().RequireAuthorization(ServiceDefaults.Security.Permissions.TracesWrite);
        app.MapJaegerQueryApi();
        app.MapTraceQueryApi();
        app.MapTraceViewApi().MapBottlenecksApi();
        app.MapDependencyApis();
        return app;
    }
}
