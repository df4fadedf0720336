using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Notifications;
using AirisEpm.AlertService.Rules;
using AirisEpm.AlertService.Tests.Rules;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>
/// alert-service in memory with its state and rules behind in-memory doubles (there is no sidecar here), a
/// recording notifier instead of the Dapr bindings, and a <see cref="FakeTimeProvider"/> the test
/// advances to drive group_wait and group_interval.
/// </summary>
public sealed class AlertServiceFactory : ServiceFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public InMemoryEngineStateStore EngineState { get; } = new();

    public InMemoryAlertingConfigStore ConfigStore { get; } = new();

    public InMemorySilenceStateStore SilenceState { get; init; } = new();

    public InMemoryEscalationPolicyRepository Policies { get; } = new();

    public RecordingGroupNotifier Notifier { get; } = new();

    public InMemoryRuleRepository Rules { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerting:Hosting", nameof(EngineHostingMode.InProcess)); // no sidecar here to host the engine actor
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.Replace(ServiceDescriptor.Singleton<IEngineStateStore>(EngineState));
            services.Replace(ServiceDescriptor.Singleton<IAlertingConfigStore>(ConfigStore));
            services.Replace(ServiceDescriptor.Singleton<ISilenceStateStore>(SilenceState));
            services.Replace(ServiceDescriptor.Singleton<AirisEpm.AlertService.Escalation.IEscalationPolicyRepository>(Policies));
            services.Replace(ServiceDescriptor.Singleton<IGroupNotifier>(Notifier));
            services.Replace(ServiceDescriptor.Singleton<IRuleRepository>(Rules));
            services.Replace(ServiceDescriptor.Singleton<IStreamingRuleStore>(new InMemoryStreamingRuleStore()));
            services.Replace(ServiceDescriptor.Singleton<IEventBus>(new RecordingEventBus()));
            services.Replace(ServiceDescriptor.Singleton<INotificationLog>(new NotificationLog()));
        });
    }

    /// <summary>Starts the host and waits until the engine restored its (empty) state.</summary>
    public async Task<HttpClient> StartAsync(params string[] permissions)
    {
        var client = CreateClient().WithToken(permissions);
        var engine = Services.GetRequiredService<AlertEngine>();
        await Eventually.TrueAsync(() => engine.IsRestored, "the engine restores its state");
        return client;
    }

    /// <summary>Moves the clock and runs one engine cycle, as the worker's timer would.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Services.GetRequiredService<AlertEngineCycle>().RunOnceAsync(TestContext.Current.CancellationToken);
    }
}
