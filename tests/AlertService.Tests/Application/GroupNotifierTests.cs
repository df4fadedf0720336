using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Incidents;
using AirisEpm.AlertService.Notifications;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Tests.Application;

public sealed class GroupNotifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly DaprClient _noSidecar = new DaprClientBuilder().UseGrpcEndpoint("http://127.0.0.1:2").UseHttpEndpoint("http://127.0.0.1:1").Build();
    private readonly NotificationLog _log = new();
    private readonly FakePolicies _policies = new();
    private readonly FakeIncidentActor _incident = new();
    private readonly FakeActiveAlerts _active = new();

    [Fact]
    public async Task Firing_group_on_a_route_with_an_existing_policy_triggers_its_incident()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));

        var delivered = await Notifier().NotifyAsync(Due(AlertState.Firing, "critical"), TestContext.Current.CancellationToken);

        Assert.True(delivered.IsDelivered);
        var trigger = Assert.Single(_incident.Triggers);
        Assert.Equal("critical", trigger.PolicyName);
        Assert.Equal("{}:{service=\"api\"}", trigger.GroupKey);
        Assert.Equal(["api"], trigger.Services);
        Assert.Equal("firing", trigger.Payload.Status);
        Assert.Empty(_log.Recent(10));
    }

    [Fact]
    public async Task The_incident_names_the_correlated_services_and_the_deepest_failing_dependency()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));
        var due = Due(AlertState.Firing, "critical");
        _active.Alerts.Add(due.Firing[0] with { Labels = LabelSet.Of(("alertname", "Errors"), ("service", "api"), ("upstream", "payments")) });
        _active.Alerts.Add(new Alert(LabelSet.Of(("alertname", "Latency"), ("service", "payments"), ("upstream", "postgres")), LabelSet.Empty, Now.AddMinutes(-4), Now.AddMinutes(5), Now));
        _active.Alerts.Add(new Alert(LabelSet.Of(("alertname", "Down"), ("service", "postgres")), LabelSet.Empty, Now.AddMinutes(-6), Now.AddMinutes(5), Now));
        _active.Alerts.Add(new Alert(LabelSet.Of(("alertname", "Unrelated"), ("service", "search")), LabelSet.Empty, Now.AddMinutes(-5), Now.AddMinutes(5), Now));
        var correlated = due with { Firing = [_active.Alerts[0]] };

        await Notifier().NotifyAsync(correlated, TestContext.Current.CancellationToken);

        var trigger = Assert.Single(_incident.Triggers);
        Assert.Equal(["api", "payments", "postgres"], trigger.Services);
        Assert.StartsWith("postgres", trigger.RootCause);
    }

    [Fact]
    public async Task Resolved_group_resolves_the_incident()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));

        await Notifier().NotifyAsync(Due(AlertState.Resolved, "critical"), TestContext.Current.CancellationToken);

        Assert.Equal([GroupNotifier.ResolvedBy], _incident.Resolutions);
        Assert.Empty(_incident.Triggers);
    }

    [Fact]
    public async Task Route_naming_a_missing_policy_still_pages_its_receiver()
    {
        var delivered = await Notifier().NotifyAsync(Due(AlertState.Firing, "no-such-policy"), TestContext.Current.CancellationToken);

        Assert.Empty(_incident.Triggers);
        var records = _log.Recent(10);
        Assert.Equal(["email", "slack"], records.Select(r => r.Channel).Order());
        Assert.All(records, r => Assert.Equal("oncall", r.Receiver));
        Assert.False(delivered.IsDelivered); // no sidecar here, so every channel failed and the group will retry
    }

    [Fact]
    public async Task Group_without_policy_goes_to_its_receiver_and_an_unknown_receiver_is_not_delivered()
    {
        var known = await Notifier().NotifyAsync(Due(AlertState.Firing, null), TestContext.Current.CancellationToken);
        var ghost = await Notifier().NotifyAsync(Due(AlertState.Firing, null) with { Receiver = "ghost" }, TestContext.Current.CancellationToken);

        Assert.Equal(["email", "slack"], _log.Recent(10).Select(r => r.Channel).Order());
        Assert.Empty(_incident.Triggers);
        Assert.False(known.IsDelivered); // no sidecar: every channel failed
        Assert.False(ghost.IsDelivered);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _noSidecar.Dispose();
    }

    private GroupNotifier Notifier()
    {
        var catalog = new StaticCatalog(new Dictionary<string, IReadOnlyList<ChannelTarget>>
        {
            ["oncall"] = [new EmailTarget("oncall@airis.local"), new SlackTarget("#alerts")],
        });
        var binding = new BindingNotifier(_noSidecar, _log, TimeProvider.System, NullLogger<BindingNotifier>.Instance,
            _metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var options = Options.Create(new AlertEngineOptions());
        return new GroupNotifier(new ReceiverDispatcher(catalog, binding, TimeProvider.System), _policies, new FakeActors(_incident),
            new IncidentCorrelation(_active, new NoTraceGraph(), TimeProvider.System, options), options, NullLogger<GroupNotifier>.Instance);
    }

    private static NotificationDue Due(AlertState state, string? policy)
    {
        var alert = new Alert(LabelSet.Of(("alertname", "Errors"), ("service", "api")), LabelSet.Empty, Now.AddMinutes(-5),
            state == AlertState.Firing ? Now.AddMinutes(5) : Now.AddMinutes(-1), Now);
        return new NotificationDue("oncall", "{}:{service=\"api\"}", "{}", LabelSet.Of(("service", "api")),
            state == AlertState.Firing ? [alert] : [], state == AlertState.Firing ? [] : [alert], policy, Now);
    }

    private sealed class StaticCatalog(Dictionary<string, IReadOnlyList<ChannelTarget>> targets) : IReceiverCatalog
    {
        public IReadOnlyList<ChannelTarget>? Targets(string receiver) => targets.GetValueOrDefault(receiver);
    }

    private sealed class FakePolicies : IEscalationPolicyRepository
    {
        private readonly Dictionary<string, EscalationPolicy> _policies = [];

        public void Add(EscalationPolicy policy) => _policies[policy.Name] = policy;

        public Task<IReadOnlyList<EscalationPolicy>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EscalationPolicy>>([.. _policies.Values]);

        public Task<EscalationPolicy?> GetAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult(_policies.GetValueOrDefault(name));

        public Task SaveAsync(EscalationPolicy policy, CancellationToken cancellationToken)
        {
            Add(policy);
            return Task.CompletedTask;
        }

        public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_policies.Remove(name));
    }

    private sealed class FakeIncidentActor : IIncidentActor
    {
        public List<IncidentTrigger> Triggers { get; } = [];

        public List<string> Resolutions { get; } = [];

        public Task<Incident> TriggerAsync(IncidentTrigger trigger)
        {
            Triggers.Add(trigger);
            return Task.FromResult(new Incident { Id = "i-1", GroupKey = trigger.GroupKey, Title = "t", PolicyName = trigger.PolicyName });
        }

        public Task<Incident?> GetAsync() => Task.FromResult<Incident?>(null);

        public Task<Incident?> AcknowledgeAsync(string by) => Task.FromResult<Incident?>(null);

        public Task<Incident?> ResolveAsync(string by)
        {
            Resolutions.Add(by);
            return Task.FromResult<Incident?>(null);
        }
    }

    private sealed class FakeActors(IIncidentActor incident) : IActorProxyFactory
    {
        public TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType, ActorProxyOptions? options = null)
            where TActorInterface : IActor => (TActorInterface)incident;

        public object CreateActorProxy(ActorId actorId, Type actorInterfaceType, string actorType, ActorProxyOptions? options = null) => incident;

        public ActorProxy Create(ActorId actorId, string actorType, ActorProxyOptions? options = null) =>
            throw new NotSupportedException("only typed proxies are used");
    }

    private sealed class FakeActiveAlerts : IActiveAlertSource
    {
        public List<Alert> Alerts { get; } = [];

        public IReadOnlyList<Alert> ActiveAlerts() => Alerts;
    }

    private sealed class NoTraceGraph : IServiceGraphSource
    {
        public Task<AirisEpm.AlertService.Domain.Correlation.ServiceGraph?> GraphAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            Task.FromResult<AirisEpm.AlertService.Domain.Correlation.ServiceGraph?>(null);
    }
}
