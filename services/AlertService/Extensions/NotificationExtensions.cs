using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Extensions;

internal static class NotificationExtensions
{
    /// <summary>Receivers come from the routing configuration in force; channels are Dapr output bindings.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<INotificationLog, DaprNotificationLog>();
        services.AddSingleton<BindingNotifier>();
        services.AddSingleton<IReceiverCatalog, ConfigReceiverCatalog>();
        services.AddSingleton<ReceiverDispatcher>();
        return services;
    }
}
