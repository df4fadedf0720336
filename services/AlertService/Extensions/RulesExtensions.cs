using AirisEpm.AlertService.Rules;
using AirisEpm.AlertService.Rules.Prometheus;
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
        builder.AddPrometheusRules();
        return builder;
    }

    /// <summary>Prometheus rule files: stored in the state store, each group evaluated by a <see cref="PromRuleGroupActor"/>.</summary>
    private static IHostApplicationBuilder AddPrometheusRules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PromRuleOptions>()
            .Bind(builder.Configuration.GetSection(PromRuleOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.ExternalUrl, UriKind.Absolute, out _), $"{PromRuleOptions.Section}:ExternalUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IRuleFileRepository, DaprRuleFileRepository>();
        builder.Services.AddSingleton<IPromRuleGroupScheduler, ActorPromRuleGroupScheduler>();
        builder.Services.AddSingleton<IPromQueryClient, DaprPromQueryClient>();
        builder.Services.AddSingleton<ISeriesWriter, DaprSeriesWriter>();
        builder.Services.AddSingleton<PromRuleGroups>();
        builder.Services.AddSingleton<PromGroupRunner>();
        builder.Services.AddSingleton<PromRuleFiles>();
        builder.Services.AddHostedService<PromRuleReconciler>();
        return builder;
    }
}
