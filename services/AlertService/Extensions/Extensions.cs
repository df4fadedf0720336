namespace AirisEpm.AlertService.Extensions;

/// <summary>The composition root of alert-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddAlertServiceServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddActors(_ => { });
        return builder;
    }

    /// <summary>MapActorsHandlers also maps /healthz, which Dapr's app health checks call.</summary>
    public static WebApplication MapAlertServiceApi(this WebApplication app)
    {
        app.MapActorsHandlers();
        return app;
    }
}
