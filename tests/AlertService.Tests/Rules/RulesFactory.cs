using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Rules;
using AirisEpm.AlertService.Tests.Functional;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Rules;

/// <summary>
/// alert-service in memory for the rules API: rules in <see cref="InMemoryRuleRepository"/>, rule
/// evaluation inline (no actors), published events recorded. The metrics query client stays the real
/// Dapr one, whose sidecar port is closed here, so an evaluation is a genuine "target down".
/// </summary>
public sealed class RulesFactory : ServiceFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public InMemoryRuleRepository Rules { get; } = new();

    public RecordingEventBus Events { get; } = new();

    public InMemoryStreamingRuleStore Streaming { get; } = new();

    public InlineRuleScheduler Scheduler => (InlineRuleScheduler)Services.GetRequiredService<IRuleScheduler>();

    public RuleReconciler Reconciler => Services.GetServices<IHostedService>().OfType<RuleReconciler>().Single();

    public Task<ServiceDefaults.Events.Contracts.AlertRulesChanged> PublishAllAsync() =>
        Services.GetRequiredService<RulesChangePublisher>().PublishAllAsync(TestContext.Current.CancellationToken);

    /// <summary>How many actor starts fail from the moment the host starts (a sidecar still coming up).</summary>
    public int FailingStartsAtBoot { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerting:Hosting", nameof(EngineHostingMode.InProcess)); // no sidecar here to host the engine actor
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.Replace(ServiceDescriptor.Singleton<IEngineStateStore>(new InMemoryEngineStateStore()));
            services.Replace(ServiceDescriptor.Singleton<IAlertingConfigStore>(new InMemoryAlertingConfigStore()));
            services.Replace(ServiceDescriptor.Singleton<ISilenceStateStore>(new InMemorySilenceStateStore()));
            services.Replace(ServiceDescriptor.Singleton<AirisEpm.AlertService.Escalation.IEscalationPolicyRepository>(new InMemoryEscalationPolicyRepository()));
            services.Replace(ServiceDescriptor.Singleton<IGroupNotifier>(new RecordingGroupNotifier()));
            services.Replace(ServiceDescriptor.Singleton<IRuleRepository>(Rules));
            services.Replace(ServiceDescriptor.Singleton<IStreamingRuleStore>(Streaming));
            services.Replace(ServiceDescriptor.Singleton<IEventBus>(Events));
            services.Replace(ServiceDescriptor.Singleton<IRuleScheduler>(sp =>
                new InlineRuleScheduler(sp.GetRequiredService<IRuleRepository>(), sp.GetRequiredService<RuleRunner>()) { FailingStarts = FailingStartsAtBoot }));
        });
    }

    public async Task<HttpClient> StartAsync(params string[] permissions)
    {
        var client = CreateClient().WithToken(permissions);
        var engine = Services.GetRequiredService<AlertEngine>();
        await Eventually.TrueAsync(() => engine.IsRestored, "the engine restores its state");
        await Eventually.TrueAsync(() => !Events.Published.IsEmpty, "the rule reconciler's first pass publishes the streaming set");
        Events.Published.Clear();
        return client;
    }
}
