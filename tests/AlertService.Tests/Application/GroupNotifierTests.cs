using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.PromQl.Model;
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
    private readonly FakeIndex _index = new();
    private readonly FakeActors _actors;

    public GroupNotifierTests() => _actors = new FakeActors(_incident);

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
        var api = due.Firing[0] with { Labels = LabelSet.From(("alertname", "Errors"), ("service", "api"), ("upstream", "payments")) };
        _active.Add("{}:{service=\"api\"}", "critical", api);
        // Groups that page their receivers (no policy) share no incident, but what they say about services counts.
        _active.Add("g-payments", null, new Alert(LabelSet.From(("alertname", "Latency"), ("service", "payments"), ("upstream", "postgres")), LabelSet.Empty, Now.AddMinutes(-4), Now.AddMinutes(5), Now));
        _active.Add("g-postgres", null, new Alert(LabelSet.From(("alertname", "Down"), ("service", "postgres")), LabelSet.Empty, Now.AddMinutes(-6), Now.AddMinutes(5), Now));
        _active.Add("g-search", null, new Alert(LabelSet.From(("alertname", "Unrelated"), ("service", "search")), LabelSet.Empty, Now.AddMinutes(-5), Now.AddMinutes(5), Now));

        await Notifier().NotifyAsync(due with { Firing = [api] }, TestContext.Current.CancellationToken);

        var trigger = Assert.Single(_incident.Triggers);
        Assert.Equal(["api", "payments", "postgres"], trigger.Services);
        Assert.StartsWith("postgres", trigger.RootCause);
        Assert.Single(trigger.Members);
    }

    [Fact]
    public async Task Correlated_groups_under_the_same_policy_open_one_incident_whose_members_are_all_of_them()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));
        var due = Due(AlertState.Firing, "critical");
        var payments = new Alert(LabelSet.From(("alertname", "Latency"), ("service", "payments")), LabelSet.Empty, Now.AddMinutes(-4), Now.AddMinutes(5), Now);
        var api = due.Firing[0] with { Labels = LabelSet.From(("alertname", "Errors"), ("service", "api"), ("upstream", "payments")) };
        _active.Add("{}:{service=\"api\"}", "critical", api);
        _active.Add("{}:{service=\"payments\"}", "critical", payments);

        await Notifier().NotifyAsync(due with { Firing = [api] }, TestContext.Current.CancellationToken);

        var trigger = Assert.Single(_incident.Triggers);
        Assert.Equal(["{}:{service=\"api\"}", "{}:{service=\"payments\"}"], trigger.Members.Select(m => m.GroupKey));
        Assert.Equal(["Errors (api)", "Latency (payments)"], trigger.Members.Select(m => m.Name));
        var companion = trigger.Members[1].Payload;
        Assert.Equal(("{}:{service=\"payments\"}", "oncall", "Latency"), (companion.GroupKey, companion.Receiver, companion.Alerts[0].Labels["alertname"]));
        Assert.Equal([IncidentIds.ActorIdFor("{}:{service=\"api\"}")], _actors.Asked);
    }

    [Fact]
    public async Task A_correlated_group_still_in_group_wait_is_named_in_the_new_incident_as_waiting()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));
        var due = Due(AlertState.Firing, "critical");
        var payments = new Alert(LabelSet.From(("alertname", "Latency"), ("service", "payments")), LabelSet.Empty, Now.AddMinutes(-1), Now.AddMinutes(5), Now);
        var api = due.Firing[0] with { Labels = LabelSet.From(("alertname", "Errors"), ("service", "api"), ("upstream", "payments")) };
        _active.Add("{}:{service=\"api\"}", "critical", api);
        _active.Add("{}:{service=\"payments\"}", "critical", hasFlushed: false, payments);

        await Notifier().NotifyAsync(due with { Firing = [api] }, TestContext.Current.CancellationToken);

        var trigger = Assert.Single(_incident.Triggers);
        Assert.Equal([("{}:{service=\"api\"}", false), ("{}:{service=\"payments\"}", true)], trigger.Members.Select(m => (m.GroupKey, m.Waiting)));
        Assert.Equal("Latency (payments)", trigger.Members[1].Name);
    }

    [Fact]
    public async Task A_group_correlated_with_an_open_incident_joins_it_there_and_opens_nothing()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));
        var due = Due(AlertState.Firing, "critical");
        _active.Add("{}:{service=\"api\"}", "critical", due.Firing[0]);
        _active.Add("g-api-latency", "critical", new Alert(LabelSet.From(("alertname", "Latency"), ("service", "api")), LabelSet.Empty, Now.AddMinutes(-3), Now.AddMinutes(5), Now));
        var openId = IncidentIds.IncidentId(IncidentIds.ActorIdFor("g-api-latency"), Now.AddMinutes(-3));
        _index.Summaries.Add(new IncidentSummary(openId, "g-api-latency", "t", IncidentStatus.Triggered, Now.AddMinutes(-3), null, "critical", ["g-api-latency"]));
        _incident.JoinAnswer = new Incident { Id = openId, GroupKey = "g-api-latency", Title = "t", PolicyName = "critical" };

        var delivered = await Notifier().NotifyAsync(due, TestContext.Current.CancellationToken);

        Assert.True(delivered.IsDelivered);
        Assert.Empty(_incident.Triggers);
        var join = Assert.Single(_incident.Joins);
        Assert.Equal(("{}:{service=\"api\"}", "Errors (api)"), (join.Member.GroupKey, join.Member.Name));
        Assert.Equal([IncidentIds.ActorIdFor("g-api-latency")], _actors.Asked);
        // Looked up by the keys of the group and of the groups correlated with it, and nothing else.
        Assert.Equal(["g-api-latency", "{}:{service=\"api\"}"], _index.LookedUp.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_incident_that_resolved_since_the_index_listed_it_takes_no_group_so_the_group_opens_its_own()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));
        var due = Due(AlertState.Firing, "critical");
        var openId = IncidentIds.IncidentId(IncidentIds.ActorIdFor("g-old"), Now.AddMinutes(-3));
        _index.Summaries.Add(new IncidentSummary(openId, "g-old", "t", IncidentStatus.Triggered, Now.AddMinutes(-3), null, "critical", ["{}:{service=\"api\"}"]));

        await Notifier().NotifyAsync(due, TestContext.Current.CancellationToken);

        Assert.Single(_incident.Joins);
        Assert.Single(Assert.Single(_incident.Triggers).Members);
    }

    [Fact]
    public async Task A_resolved_group_tells_each_open_incident_holding_it()
    {
        _policies.Add(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall"])]));
        var openId = IncidentIds.IncidentId(IncidentIds.ActorIdFor("g-lead"), Now.AddMinutes(-3));
        _index.Summaries.Add(new IncidentSummary(openId, "g-lead", "t", IncidentStatus.Triggered, Now.AddMinutes(-3), null, "critical", ["g-lead", "{}:{service=\"api\"}"]));
        _index.Summaries.Add(new IncidentSummary("x-1", "{}:{service=\"api\"}", "t", IncidentStatus.Resolved, Now.AddHours(-3), null, "critical", ["{}:{service=\"api\"}"]));

        await Notifier().NotifyAsync(Due(AlertState.Resolved, "critical"), TestContext.Current.CancellationToken);

        Assert.Equal([new GroupResolution("{}:{service=\"api\"}", GroupNotifier.ResolvedBy)], _incident.GroupResolutions);
        Assert.Empty(_incident.Resolutions);
        Assert.Equal([IncidentIds.ActorIdFor("g-lead")], _actors.Asked);
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
        return new GroupNotifier(new ReceiverDispatcher(catalog, binding, TimeProvider.System), _policies, _actors, _index,
            new IncidentCorrelation(_active, new NoTraceGraph(), _index, TimeProvider.System, options), options, NullLogger<GroupNotifier>.Instance);
    }

    private static NotificationDue Due(AlertState state, string? policy)
    {
        var alert = new Alert(LabelSet.From(("alertname", "Errors"), ("service", "api")), LabelSet.Empty, Now.AddMinutes(-5),
            state == AlertState.Firing ? Now.AddMinutes(5) : Now.AddMinutes(-1), Now);
        return new NotificationDue("oncall", "{}:{service=\"api\"}", "{}", LabelSet.From(("service", "api")),
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

        public List<IncidentJoin> Joins { get; } = [];

        public List<GroupResolution> GroupResolutions { get; } = [];

        public List<string> Resolutions { get; } = [];

        /// <summary>What JoinAsync answers: null means the incident is no longer open.</summary>
        public Incident? JoinAnswer { get; set; }

        public Task<Incident> TriggerAsync(IncidentTrigger trigger)
        {
            Triggers.Add(trigger);
            return Task.FromResult(new Incident { Id = "i-1", GroupKey = trigger.GroupKey, Title = "t", PolicyName = trigger.PolicyName });
        }

        public Task<Incident?> JoinAsync(IncidentJoin join)
        {
            Joins.Add(join);
            return Task.FromResult(JoinAnswer);
        }

        public Task<Incident?> ResolveGroupAsync(GroupResolution resolution)
        {
            GroupResolutions.Add(resolution);
            return Task.FromResult<Incident?>(null);
        }

        public Task<Incident?> GetAsync() => Task.FromResult<Incident?>(null);

        public Task<Incident?> AcknowledgeAsync(string by) => Task.FromResult<Incident?>(null);

        public Task<Incident?> ResolveAsync(string by)
        {
            Resolutions.Add(by);
            return Task.FromResult<Incident?>(null);
        }
    }

    /// <summary>Every actor id gets the same fake; the ids asked for say which incident was addressed.</summary>
    private sealed class FakeActors(IIncidentActor incident) : IActorProxyFactory
    {
        public List<string> Asked { get; } = [];

        public TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType, ActorProxyOptions? options = null)
            where TActorInterface : IActor
        {
            Asked.Add(actorId.GetId());
            return (TActorInterface)incident;
        }

        public object CreateActorProxy(ActorId actorId, Type actorInterfaceType, string actorType, ActorProxyOptions? options = null)
        {
            Asked.Add(actorId.GetId());
            return incident;
        }

        public ActorProxy Create(ActorId actorId, string actorType, ActorProxyOptions? options = null) =>
            throw new NotSupportedException("only typed proxies are used");
    }

    private sealed class FakeActiveAlerts : IActiveAlertSource
    {
        private readonly List<ActiveGroup> _groups = [];

        public void Add(string key, string? policy, params Alert[] alerts) => Add(key, policy, hasFlushed: true, alerts);

        public void Add(string key, string? policy, bool hasFlushed, params Alert[] alerts) =>
            _groups.Add(new ActiveGroup(key, "oncall", "{}", LabelSet.From(("service", alerts[0].Labels.Get("service"))), policy, hasFlushed, alerts));

        public IReadOnlyList<ActiveGroup> ActiveGroups() => _groups;
    }

    /// <summary>The incidents by group key; the listing (capped at the newest) is no way to find them, so it is not offered.</summary>
    private sealed class FakeIndex : IIncidentIndex
    {
        public List<IncidentSummary> Summaries { get; } = [];

        public List<string> LookedUp { get; } = [];

        public Task UpsertAsync(IncidentSummary summary, CancellationToken cancellationToken) => throw new NotSupportedException("the notifier only reads the index");

        public Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException("the notifier finds open incidents by group key, never in the capped listing");

        public Task<IReadOnlyList<OpenIncident>> OpenHoldingAsync(IReadOnlyCollection<string> groupKeys, CancellationToken cancellationToken)
        {
            LookedUp.AddRange(groupKeys);
            return Task.FromResult<IReadOnlyList<OpenIncident>>(
                [.. Summaries.Where(s => s.IsOpen && s.MemberKeys.Any(groupKeys.Contains)).Select(s => s.ToOpen())]);
        }
    }

    private sealed class NoTraceGraph : IServiceGraphSource
    {
        public Task<AirisEpm.AlertService.Domain.Correlation.ServiceGraph?> GraphAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            Task.FromResult<AirisEpm.AlertService.Domain.Correlation.ServiceGraph?>(null);
    }
}
