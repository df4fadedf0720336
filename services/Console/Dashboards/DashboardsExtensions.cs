using AirisEpm.WebConsole.Dashboards.SelfMonitoring;
using FluentValidation;

namespace AirisEpm.WebConsole.Dashboards;

public static class DashboardsExtensions
{
    /// <summary>The dashboards' store (the console's Dapr state store), their validator, and the seeded AIRIS EPM dashboard.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<IDashboardRepository, DaprDashboardRepository>();
        services.AddSingleton<IValidator<Dashboard>, DashboardValidator>();
        services.AddHostedService<SelfMonitoringSeeder>();
        return services;
    }
}
