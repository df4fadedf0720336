using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Tests.Domain.Correlation;

/// <summary>The joining rules: same window, connected services, same policy, flushed groups; a late joiner; an unrelated group apart.</summary>
public sealed class IncidentJoiningTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // frontend → checkout → orders; search stands alone.
    private static readonly ServiceGraph Graph = ServiceGraph.FromEdges([("frontend", "checkout"), ("checkout", "orders"), ("search", "index")]);

    private static CorrelatedGroup Group(string service, int startMinute = 0, string? policy = "page", bool flushed = true) =>
        new($"g-{service}", policy, flushed,
            [new Alert(LabelSet.From(("alertname", "Errors"), ("service", service)), LabelSet.Empty, T0.AddMinutes(startMinute), T0.AddHours(1), T0.AddMinutes(startMinute))]);

    private static IncidentDecision Decide(string service, IReadOnlyList<CorrelatedGroup> groups, params OpenIncident[] open) =>
        IncidentJoining.Decide($"g-{service}", "page", groups, open, Graph);

    [Fact]
    public void Groups_of_connected_services_firing_in_one_window_open_one_incident_together()
    {
        var decision = Decide("checkout", [Group("checkout"), Group("orders", startMinute: 1)]);

        Assert.True(decision.Opens);
        Assert.Equal(["g-checkout", "g-orders"], decision.Groups);
        Assert.Equal("orders", decision.Correlation!.RootCause!.Service);
        Assert.Equal(["checkout", "orders"], decision.Correlation.Services);
    }

    [Fact]
    public void Connected_services_whose_alerts_started_further_apart_than_the_window_stay_apart()
    {
        var decision = Decide("checkout", [Group("checkout"), Group("orders", startMinute: 6)]);

        Assert.Equal(["g-checkout"], decision.Groups);
        Assert.Equal(["g-checkout"], IncidentJoining.Decide("g-checkout", "page", [Group("checkout"), Group("orders", startMinute: 6)], [], Graph,
            new CorrelationOptions { Window = TimeSpan.FromMinutes(5) }).Groups);
        Assert.Equal(["g-checkout", "g-orders"], IncidentJoining.Decide("g-checkout", "page", [Group("checkout"), Group("orders", startMinute: 6)], [], Graph,
            new CorrelationOptions { Window = TimeSpan.FromMinutes(10) }).Groups);
    }

    [Fact]
    public void Services_with_no_edge_between_them_stay_apart_in_the_same_window()
    {
        var decision = Decide("search", [Group("checkout"), Group("orders"), Group("search")]);

        Assert.True(decision.Opens);
        Assert.Equal(["g-search"], decision.Groups);
        Assert.Equal(["search"], decision.Correlation!.Services);
    }

    [Fact]
    public void A_group_firing_later_in_the_window_joins_the_open_incident_of_a_connected_group()
    {
        var open = new OpenIncident("inc-1", "page", ["g-checkout", "g-orders"], T0);

        var decision = Decide("frontend", [Group("checkout"), Group("orders"), Group("frontend", startMinute: 3)], open);

        Assert.False(decision.Opens);
        Assert.Same(open, decision.Joins);
        Assert.False(decision.AlreadyMember);
        Assert.Equal(["g-checkout", "g-orders", "g-frontend"], decision.Groups);
        Assert.Equal("orders", decision.Correlation!.RootCause!.Service);
    }

    [Fact]
    public void An_unrelated_group_opens_its_own_incident_while_another_is_open()
    {
        var open = new OpenIncident("inc-1", "page", ["g-checkout", "g-orders"], T0);

        var decision = Decide("search", [Group("checkout"), Group("orders"), Group("search", startMinute: 1)], open);

        Assert.True(decision.Opens);
        Assert.Equal(["g-search"], decision.Groups);
    }

    [Fact]
    public void A_group_already_in_an_open_incident_stays_there_even_when_nothing_correlates_any_more()
    {
        var open = new OpenIncident("inc-1", "page", ["g-checkout", "g-orders"], T0);

        // The checkout alerts resolved; orders fires alone, 20 minutes on.
        var decision = Decide("orders", [Group("orders", startMinute: 20)], open);

        Assert.Same(open, decision.Joins);
        Assert.True(decision.AlreadyMember);
    }

    [Fact]
    public void Only_groups_under_the_same_policy_that_have_flushed_share_an_incident()
    {
        var groups = new[] { Group("checkout"), Group("orders", policy: "other-team"), Group("frontend", flushed: false), Group("search") };
        var decision = Decide("checkout", groups);
        Assert.Equal(["g-checkout"], decision.Groups);
        Assert.Equal(["g-frontend"], decision.Waiting);

        // A group without a policy pages its receiver: never in an incident, but still links the services it names.
        var bridged = Decide("frontend", [Group("frontend"), Group("checkout", policy: null), Group("orders")]);
        Assert.Equal(["g-frontend", "g-orders"], bridged.Groups);

        var otherPolicy = new OpenIncident("inc-9", "other-team", ["g-orders"], T0);
        Assert.True(Decide("checkout", [Group("checkout"), Group("orders", policy: "other-team")], otherPolicy).Opens);
    }

    [Fact]
    public void A_new_incident_names_the_correlated_groups_still_in_group_wait_unless_another_incident_holds_them()
    {
        var groups = new[] { Group("checkout"), Group("orders", flushed: false), Group("frontend", flushed: false, policy: "other-team") };

        var decision = Decide("checkout", groups);
        Assert.Equal(["g-checkout"], decision.Groups);
        Assert.Equal(["g-orders"], decision.Waiting);
        Assert.Empty(Decide("checkout", groups, new OpenIncident("inc-1", "page", ["g-orders"], T0)).Waiting);

        // Joining an open incident names nobody else: the waiting group joins when it flushes.
        var joins = Decide("frontend", [Group("frontend"), Group("checkout"), Group("orders", flushed: false)], new OpenIncident("inc-2", "page", ["g-checkout"], T0));
        Assert.False(joins.Opens);
        Assert.Empty(joins.Waiting);
    }

    [Fact]
    public void The_earliest_open_incident_is_joined_and_groups_another_incident_holds_do_not_open_a_new_one()
    {
        var older = new OpenIncident("inc-1", "page", ["g-checkout"], T0);
        var newer = new OpenIncident("inc-2", "page", ["g-orders"], T0.AddMinutes(1));

        // frontend's component holds both incidents' groups: it joins the earlier one, and the two are not merged.
        Assert.Same(older, Decide("frontend", [Group("frontend"), Group("checkout"), Group("orders")], newer, older).Joins);

        // index is connected to search, whose group inc-3 holds (under another policy): index opens alone, search stays put.
        var holdsSearch = new OpenIncident("inc-3", "other-team", ["g-search"], T0);
        Assert.Equal(["g-index"], Decide("index", [Group("index"), Group("search")], holdsSearch).Groups);
    }
}
