using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Rules;
using AirisEpm.AlertService.Rules.Prometheus;
using AirisEpm.AlertService.Tests.Functional;
using AirisEpm.AlertService.Tests.Rules;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>
/// alert-service in memory for Prometheus rule files: files in memory, groups evaluated inline on demand through the
/// real runner and alert engine (in process), metrics-service replaced by a query double and a write recorder.
/// </summary>
public sealed class PromRulesFactory : ServiceFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    public InMemoryRuleFileRepository Files { get; } = new();

    public FakePromQueryClient Queries { get; } = new();

    public RecordingSeriesWriter Writes { get; } = new();

    public InlineGroupScheduler Scheduler => (InlineGroupScheduler)Services.GetRequiredService<IPromRuleGroupScheduler>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerting:Hosting", nameof(EngineHostingMode.InProcess));
        builder.UseSetting("Rules:Prometheus:ExternalUrl", "http://alerts.example:8004");
        builder.UseSetting("Rules:Prometheus:ExternalLabels:cluster", "eu-1");
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.Replace(ServiceDescriptor.Singleton<IEngineStateStore>(new InMemoryEngineStateStore()));
            services.Replace(ServiceDescriptor.Singleton<IAlertingConfigStore>(new InMemoryAlertingConfigStore()));
            services.Replace(ServiceDescriptor.Singleton<ISilenceStateStore>(new InMemorySilenceStateStore()));
            services.Replace(ServiceDescriptor.Singleton<AirisEpm.AlertService.Escalation.IEscalationPolicyRepository>(new InMemoryEscalationPolicyRepository()));
            services.Replace(ServiceDescriptor.Singleton<IGroupNotifier>(new RecordingGroupNotifier()));
            services.Replace(ServiceDescriptor.Singleton<IRuleRepository>(new InMemoryRuleRepository()));
            services.Replace(ServiceDescriptor.Singleton<IStreamingRuleStore>(new InMemoryStreamingRuleStore()));
            services.Replace(ServiceDescriptor.Singleton<AirisEpm.ServiceDefaults.Events.IEventBus>(new RecordingEventBus()));
            services.Replace(ServiceDescriptor.Singleton<IRuleScheduler>(sp => new InlineRuleScheduler(sp.GetRequiredService<IRuleRepository>(), sp.GetRequiredService<RuleRunner>())));
            services.Replace(ServiceDescriptor.Singleton<IRuleFileRepository>(Files));
            services.Replace(ServiceDescriptor.Singleton<IPromQueryClient>(Queries));
            services.Replace(ServiceDescriptor.Singleton<ISeriesWriter>(Writes));
            services.Replace(ServiceDescriptor.Singleton<IPromRuleGroupScheduler>(sp => new InlineGroupScheduler(sp.GetRequiredService<PromRuleGroups>(), sp.GetRequiredService<PromGroupRunner>())));
        });
    }

    public async Task<HttpClient> StartAsync(params string[] permissions)
    {
        var client = CreateClient().WithToken(permissions);
        var engine = Services.GetRequiredService<AlertEngine>();
        await Eventually.TrueAsync(() => engine.IsRestored, "the engine restores its state");
        return client;
    }
}
