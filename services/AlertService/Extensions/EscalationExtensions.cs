using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Incidents;

namespace AirisEpm.AlertService.Extensions;

internal static class EscalationExtensions
{
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddSingleton<IEscalationPolicyRepository, DaprEscalationPolicyRepository>();
        services.AddSingleton<IIncidentIndex, DaprIncidentIndex>();
        return services;
    }
}
