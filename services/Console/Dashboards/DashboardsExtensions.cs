using FluentValidation;

namespace AirisEpm.WebConsole.Dashboards;

public static class DashboardsExtensions
{
    /// <summary>The dashboards' store (the console's Dapr state store), and their validator.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<IDashboardRepository, DaprDashboardRepository>();
        services.AddSingleton<IValidator<Dashboard>, DashboardValidator>();
        return services;
    }
}
