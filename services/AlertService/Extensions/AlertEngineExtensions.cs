using AirisEpm.AlertService.Application;

namespace AirisEpm.AlertService.Extensions;

internal static class AlertEngineExtensions
{
    /// <summary>
    /// The engine and what it persists to. State lives behind <see cref="IEngineStateStore"/> and
    /// <see cref="IAlertingConfigStore"/> so tests can replace the Dapr state store.
    /// </summary>
    public static IHostApplicationBuilder AddAlertEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertEngineOptions>()
            .Bind(builder.Configuration.GetSection(AlertEngineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ServiceUptime(sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        builder.Services.AddSingleton<AlertingConfigHolder>();
        builder.Services.AddSingleton<AlertEngine>();
        builder.Services.AddSingleton<IAlertIntake>(sp => sp.GetRequiredService<AlertEngine>());
        builder.Services.AddSingleton<AlertEngineCycle>();
        builder.Services.AddSingleton<IActiveAlertSource>(sp => sp.GetRequiredService<AlertEngine>());
        builder.Services.AddSingleton<IncidentCorrelation>();
        builder.Services.AddSingleton<IGroupNotifier, GroupNotifier>();
        builder.Services.AddSingleton<IEngineStateStore, DaprEngineStateStore>();
        builder.Services.AddSingleton<IAlertingConfigStore, DaprAlertingConfigStore>();
        builder.Services.AddHostedService<AlertEngineWorker>();
        return builder;
    }
}
