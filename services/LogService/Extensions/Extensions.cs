namespace AirisEpm.LogService.Extensions;

/// <summary>The composition root of log-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddLogServiceServices(this IHostApplicationBuilder builder)
    {
        builder.AddLogStore();
        return builder;
    }

    public static WebApplication MapLogServiceApi(this WebApplication app)
    {
        return app;
    }
}
