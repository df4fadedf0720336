using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.PromQl.Model;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Correlation;

public sealed class AlertCorrelatorTests
{
    private static readonly ServiceGraph Graph = ServiceGraph.FromEdges(
        [("web", "checkout"), ("checkout", "payments"), ("payments", "db"), ("checkout", "cart"), ("search", "index")]);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private CorrelationCandidate Alert(string service, string? alertname = null, string? group = null, string? upstream = null)
    {
        var labels = LabelSet.From(("alertname", alertname ?? "Errors"), ("service", service), ("upstream", upstream ?? ""));
        var now = _clock.GetUtcNow();
        return new CorrelationCandidate(new Alert(labels, LabelSet.Empty, now, now.AddHours(1), now), group ?? $"g-{service}");
    }

    [Fact]
    public void Connected_failing_services_form_one_incident_with_the_deepest_dependency_as_root_cause()
    {
        var web = Alert("web");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var db = Alert("db");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var checkout = Alert("checkout");
        var payments = Alert("payments");
        var search = Alert("search"); // not connected to the others

        var incidents = AlertCorrelator.Correlate([web, db, checkout, payments, search], Graph);

        Assert.Equal(2, incidents.Count);
        var main = incidents[0];
        Assert.Equal(["checkout", "db", "payments", "web"], main.Services);
        Assert.Equal("db", main.RootCause!.Service);
        Assert.Contains("3 failing service(s) depend on it", main.RootCause.Reason);
        Assert.Equal(["search"], incidents[1].Services);
    }

    [Fact]
    public void Alerts_further_apart_than_the_window_are_separate_incidents()
    {
        var web = Alert("web");
        _clock.Advance(TimeSpan.FromMinutes(6));
        var checkout = Alert("checkout");
        Assert.Equal(2, AlertCorrelator.Correlate([web, checkout], Graph).Count);
        Assert.Single(AlertCorrelator.Correlate([web, checkout], Graph, new CorrelationOptions { Window = TimeSpan.FromMinutes(10) }));
    }

    [Fact]
    public void Chain_of_close_alerts_links_through_the_same_service()
    {
        var first = Alert("payments");
        _clock.Advance(TimeSpan.FromMinutes(4));
        var again = Alert("payments", alertname: "Latency");
        _clock.Advance(TimeSpan.FromMinutes(4));
        var caller = Alert("checkout"); // 8m after the first, 4m after the second
        var incident = Assert.Single(AlertCorrelator.Correlate([caller, first, again], Graph));
        Assert.Equal(3, incident.Alerts.Count);
        Assert.Equal(first.Alert.StartsAt, incident.StartsAt);
    }

    [Fact]
    public void Same_group_key_correlates_even_without_a_service()
    {
        var a = new CorrelationCandidate(new Alert(LabelSet.From(("alertname", "DiskFull"), ("host", "a")), LabelSet.Empty, _clock.GetUtcNow(), _clock.GetUtcNow().AddHours(1), _clock.GetUtcNow()), "{}:{alertname=\"DiskFull\"}");
        var b = a with { Alert = a.Alert with { Labels = LabelSet.From(("alertname", "DiskFull"), ("host", "b")) } };
        var incident = Assert.Single(AlertCorrelator.Correlate([a, b], new ServiceGraph()));
        Assert.Null(incident.RootCause);
        Assert.Equal(["{}:{alertname=\"DiskFull\"}"], incident.GroupKeys);
    }

    [Fact]
    public void Graph_from_service_and_upstream_labels_links_caller_to_dependency()
    {
        var api = Alert("api", upstream: "auth, users");
        var users = Alert("users");
        var graph = ServiceGraph.FromAlertLabels([api.Alert.Labels, users.Alert.Labels]);
        Assert.Equal(["auth", "users"], graph.CalleesOf("api").Order());
        var incident = Assert.Single(AlertCorrelator.Correlate([api, users], graph));
        Assert.Equal("users", incident.RootCause!.Service);
    }
}
