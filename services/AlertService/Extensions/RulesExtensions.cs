using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.AlertService.Extensions;

internal static class RulesExtensions
{
    /// <summary>Rules CRUD, streaming-rule publication and evaluation by <see cref="RuleActor"/>s querying through Dapr.</summary>
    public static IHostApplicationBuilder AddRules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RuleEvaluationOptions>()
            .Bind(builder.Configuration.GetSection(RuleEvaluationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IRuleRepository, DaprRuleRepository>();
        builder.Services.AddSingleton<IRuleScheduler, ActorRuleScheduler>();
        builder.Services.AddSingleton<IStreamingRuleStore, DaprStreamingRuleStore>();
        builder.Services.AddSingleton<RulesChangePublisher>();
        builder.Services.AddHostedService<RuleReconciler>();
        builder.Services.AddServiceTokenIssuer(AirisEpm.ServiceDefaults.Dapr.AppIds.AlertService);
        builder.Services.AddSingleton<IMetricQueryClient, DaprMetricQueryClient>();
        builder.Services.AddSingleton<ILogCountClient, DaprLogCountClient>();
        builder.Services.AddSingleton<ITraceMeasureClient, DaprTraceMeasureClient>();
        builder.Services.AddSingleton<AirisEpm.AlertService.Application.IServiceGraphSource, DaprServiceGraphSource>();
        builder.Services.AddSingleton<LeafQuerier>();
        builder.Services.AddSingleton<RuleRunner>();
        return builder;
    }
}
