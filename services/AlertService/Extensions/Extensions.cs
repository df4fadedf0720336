namespace AirisEpm.AlertService.Extensions;

/// <summary>The composition root of alert-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddAlertServiceServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddActors(_ => { });
        return builder;
    }

    /// <summary>
    /// MapActorsHandlers also maps /healthz running every health check (so 503 without a sidecar),
    /// but with route order 100: the liveness endpoint MapDefaultEndpoints maps first wins.
    /// </summary>
    public static WebApplication MapAlertServiceApi(this WebApplication app)
    {
        app.MapActorsHandlers();
        return app;
    }
}
