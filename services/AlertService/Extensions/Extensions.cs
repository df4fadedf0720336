using Dapr;
using AirisEpm.AlertService.Apis;
using AirisEpm.AlertService.Incidents;
using AirisEpm.ServiceDefaults.Validation;

namespace AirisEpm.AlertService.Extensions;

/// <summary>The composition root of alert-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddAlertServiceServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddActors(options =>
        {
            options.Actors.RegisterActor<IncidentActor>();
            options.UseJsonSerialization = true;
            // From configuration, not only the environment, like the DaprClient (ServiceDefaults).
            options.HttpEndpoint = DaprDefaults.GetDefaultHttpEndpoint(builder.Configuration).TrimEnd('/');
            options.DaprApiToken = DaprDefaults.GetDefaultDaprApiToken(builder.Configuration);
        });
        // Incident states and the like read as words ("acknowledged"), not numbers.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.AddAlertEngine();
        builder.Services.AddNotifications();
        builder.Services.AddEscalation();
        builder.Services.AddValidatorsOf<Program>();
        return builder;
    }

    /// <summary>
    /// MapActorsHandlers also maps /healthz running every health check (so 503 without a sidecar),
    /// but with route order 100: the liveness endpoint MapDefaultEndpoints maps first wins.
    /// </summary>
    public static WebApplication MapAlertServiceApi(this WebApplication app)
    {
        app.MapActorsHandlers();
        app.MapAlertsApi();
        app.MapSilencesApi();
        app.MapStatusApi();
        app.MapAlertingConfigApi();
        app.MapNotificationsApi();
        app.MapAlertEventsApi();
        app.MapEscalationPoliciesApi();
        app.MapIncidentsApi();
        return app;
    }
}
