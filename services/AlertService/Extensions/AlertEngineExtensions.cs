using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.EngineHosting;
using AirisEpm.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Extensions;

internal static class AlertEngineExtensions
{
    /// <summary>
    /// The engine, where it runs (<see cref="AlertEngineOptions.Hosting"/>) and what it persists to. State lives behind <see cref="IEngineStateStore"/> and
    /// <see cref="IAlertingConfigStore"/> so tests can replace the Dapr state store; the routing configuration's
    /// secret fields are encrypted with the <c>ConfigEncryption</c> key ring before they reach it.
    /// </summary>
    public static IHostApplicationBuilder AddAlertEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertEngineOptions>()
            .Bind(builder.Configuration.GetSection(AlertEngineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ServiceUptime(sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        builder.AddConfigEncryption();
        builder.Services.AddSingleton<AlertingConfigSecrets>();
        builder.Services.AddSingleton<AlertingConfigHolder>();
        builder.Services.AddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<IOptions<AlertEngineOptions>>().Value;
            return new Domain.Dispatch.RetryBackoff(engine.NotificationRetryInitial, engine.NotificationRetryMax);
        });
        builder.Services.AddSingleton<AlertEngine>();
        builder.Services.AddSingleton<AbandonedNotifications>();
        builder.Services.AddSingleton<ListingCache>();
        builder.Services.AddSingleton<LocalAlertEngineGateway>();
        builder.Services.AddSingleton<ActorAlertEngineGateway>();
        builder.Services.AddSingleton<EngineOwnership>();
        builder.Services.AddSingleton<IAlertEngineGateway>(sp => InProcess(sp)
            ? sp.GetRequiredService<LocalAlertEngineGateway>()
            : sp.GetRequiredService<ActorAlertEngineGateway>());
        builder.Services.AddSingleton<IEnginePinger>(sp => (IEnginePinger)sp.GetRequiredService<IAlertEngineGateway>());
        builder.Services.AddSingleton<IAlertIntake>(sp => sp.GetRequiredService<IAlertEngineGateway>());
        builder.Services.AddSingleton<AlertEngineCycle>();
        builder.Services.AddSingleton<IActiveAlertSource>(sp => sp.GetRequiredService<AlertEngine>());
        builder.Services.AddSingleton<IncidentCorrelation>();
        builder.Services.AddSingleton<IGroupNotifier, GroupNotifier>();
        builder.Services.AddSingleton<IEngineStateStore, DaprEngineStateStore>();
        builder.Services.AddSingleton<ISilenceStateStore, DaprSilenceStateStore>();
        builder.Services.AddSingleton<IAlertingConfigStore, DaprAlertingConfigStore>();
        builder.Services.AddHostedService<AlertEngineWorker>();
        builder.Services.AddHealthChecks().AddCheck<AlertEngineHealthCheck>("alert-engine", tags: ["engine"]);
        return builder;
    }

    private static bool InProcess(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AlertEngineOptions>>().Value.Hosting == EngineHostingMode.InProcess;
}
