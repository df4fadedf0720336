using AirisEpm.LogService.Apis;

namespace AirisEpm.LogService.Extensions;

/// <summary>The composition root of log-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddLogServiceServices(this IHostApplicationBuilder builder)
    {
        builder.AddLogStore();
        builder.AddLogIngest();
        builder.AddSyslogListener();
        builder.AddLogQl();
        // Unknown gRPC services get no catch-all endpoint: every mapped route is one we guard.
        builder.Services.AddGrpc(o => o.IgnoreUnknownServices = true);
        return builder;
    }

    public static WebApplication MapLogServiceApi(this WebApplication app)
    {
        app.MapLogIngestApi();
        app.MapOtlpLogsApi();
        app.MapLokiPushApi();
        app.MapLogSearchApi();
        app.MapLogFacetsApi();
        app.MapLogTailApi();
        app.MapLogPatternsApi();
        app.MapLokiQueryApi();
        app.MapLokiDetectedApi();
        app.MapGrpcService<OtlpLogsGrpcService>().RequireAuthorization(ServiceDefaults.Security.Permissions.LogsWrite);
        return app;
    }
}
