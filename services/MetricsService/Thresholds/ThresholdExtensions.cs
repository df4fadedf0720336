using AirisEpm.MetricsService.Ingest;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Thresholds;

public static class ThresholdExtensions
{
    /// <summary>
    /// Streaming threshold triggers. Call after the real <see cref="IMetricIngestor"/> is registered:
    /// it is wrapped so every durable batch is evaluated.
    /// </summary>
    public static IServiceCollection AddThresholdTriggers(this IServiceCollection services)
    {
        services.AddOptions<ThresholdOptions>().BindConfiguration(ThresholdOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new ThresholdEngine(sp.GetRequiredService<IOptions<ThresholdOptions>>().Value.ResendInterval));
        services.TryAddSingleton<IThresholdStateRepository, DaprThresholdStateRepository>();
        services.TryAddSingleton<ThresholdPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ThresholdPublisher>());

        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IMetricIngestor))
                    ?? throw new InvalidOperationException("Register the metric store's IMetricIngestor before AddThresholdTriggers.");
        services.Remove(inner);
        services.AddSingleton<IMetricIngestor>(sp => new ThresholdEvaluatingIngestor(
            Resolve(sp, inner), sp.GetRequiredService<ThresholdEngine>(), sp.GetRequiredService<ThresholdPublisher>()));
        return services;
    }

    private static IMetricIngestor Resolve(IServiceProvider sp, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IMetricIngestor instance } => instance,
        { ImplementationFactory: { } factory } => (IMetricIngestor)factory(sp),
        { ImplementationType: { } type } => (IMetricIngestor)ActivatorUtilities.GetServiceOrCreateInstance(sp, type),
        _ => throw new InvalidOperationException("Unsupported IMetricIngestor registration."),
    };
}
