using AirisEpm.AlertService.Apis;
using AirisEpm.AlertService.EngineHosting;
using AirisEpm.AlertService.Incidents;
using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Dapr;

namespace AirisEpm.AlertService.Extensions;

/// <summary>The composition root of alert-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddAlertServiceServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddActors(options =>
        {
            options.Actors.RegisterActor<IncidentActor>();
            options.Actors.RegisterActor<RuleActor>();
            options.Actors.RegisterActor<Rules.Prometheus.PromRuleGroupActor>();
            options.Actors.RegisterActor<AlertEngineActor>();
            options.UseJsonSerialization = true;
            // From configuration, not only the environment, as AddAirisDapr does for DaprClient: the
            // actor runtime (reminders, actor state) and the proxy factory talk to this app's sidecar.
            options.HttpEndpoint = DaprDefaults.GetDefaultHttpEndpoint(builder.Configuration).TrimEnd('/');
            options.DaprApiToken = DaprDefaults.GetDefaultDaprApiToken(builder.Configuration);
        });
        // Incident states and the like read as words ("acknowledged"), not numbers.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, Apis.Models.AlertApiJsonContext.Default);
        });
        builder.AddAlertEngine();
        builder.AddRules();
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
        app.MapActorsHandlers().RequireSidecar();
        app.MapAlertsApi();
        app.MapSilencesApi();
        app.MapStatusApi();
        app.MapAlertingConfigApi();
        app.MapNotificationsApi();
        app.MapAlertEventsApi();
        app.MapEscalationPoliciesApi();
        app.MapIncidentsApi();
        app.MapRulesApi();
        app.MapPromRulesApi();
        return app;
    }
}
