using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Incidents;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Tests.Application;

public sealed class IncidentCorrelationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static Alert Firing(string name, string service, int minutesAgo, string upstream = "") => new(
        upstream.Length == 0 ? LabelSet.From(("alertname", name), ("service", service)) : LabelSet.From(("alertname", name), ("service", service), ("upstream", upstream)),
        LabelSet.Empty, Now.AddMinutes(-minutesAgo), Now.AddMinutes(5), Now);

    private static readonly Alert[] Active =
    [
        Firing("TraceLatencyAnomaly", "checkout", 2),
        Firing("TraceLatencyAnomaly", "postgresql/orders", 1),
        Firing("TraceLatencyAnomaly", "frontend", 3, upstream: "checkout"),
    ];

    private static async Task<(IReadOnlyList<string> Services, string? RootCause)> CorrelateAsync(ServiceGraph? traced)
    {
        var correlation = new IncidentCorrelation(new Alerts(Active), new Graph(traced), new NoIncidents(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now),
            Options.Create(new AlertEngineOptions()));
        var due = new NotificationDue("oncall", "{}:{alertname=\"TraceLatencyAnomaly\"}", "{}", LabelSet.From(("alertname", "TraceLatencyAnomaly")),
            Active, [], "page", Now);
        var plan = await correlation.PlanAsync(due, "page", TestContext.Current.CancellationToken);
        Assert.True(plan.Decision.Opens);
        return (plan.Services, plan.RootCause);
    }

    [Fact]
    public async Task The_root_cause_follows_trace_services_graph_to_the_slow_dependency()
    {
        var traced = ServiceGraph.FromEdges([("user", "frontend"), ("frontend", "checkout"), ("checkout", "postgresql/orders")]);

        var (services, rootCause) = await CorrelateAsync(traced);

        Assert.Equal(["checkout", "frontend", "postgresql/orders"], services);
        Assert.StartsWith("postgresql/orders: postgresql/orders has no failing dependency and 2 failing service(s) depend on it", rootCause, StringComparison.Ordinal);
        Assert.EndsWith("(dependencies from trace-service's graph)", rootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_answer_from_trace_service_the_labels_stand_in_and_the_reason_says_so()
    {
        var (_, rootCause) = await CorrelateAsync(null);

        // The labels only know frontend → checkout, so checkout is the deepest failing service they can see.
        Assert.StartsWith("checkout: ", rootCause, StringComparison.Ordinal);
        Assert.EndsWith("(dependencies from alert labels: trace-service did not answer)", rootCause, StringComparison.Ordinal);
    }

    /// <summary>The engine holds the alerts in the notified group; the notification carries them too.</summary>
    private sealed class Alerts(IReadOnlyList<Alert> active) : IActiveAlertSource
    {
        public IReadOnlyList<ActiveGroup> ActiveGroups() =>
            [new ActiveGroup("{}:{alertname=\"TraceLatencyAnomaly\"}", "oncall", "{}", LabelSet.From(("alertname", "TraceLatencyAnomaly")), "page", true, active)];
    }

    private sealed class NoIncidents : IIncidentIndex
    {
        public Task UpsertAsync(IncidentSummary summary, CancellationToken cancellationToken) => throw new NotSupportedException("correlation only reads");

        public Task<IReadOnlyList<IncidentSummary>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException("correlation looks up by group key");

        public Task<IReadOnlyList<OpenIncident>> OpenHoldingAsync(IReadOnlyCollection<string> groupKeys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OpenIncident>>([]);
    }

    private sealed class Graph(ServiceGraph? graph) : IServiceGraphSource
    {
        public Task<ServiceGraph?> GraphAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) => Task.FromResult(graph);
    }
}
