using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Incidents;
using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Tests.Escalation;

/// <summary>An incident standing for several alert groups: joining, resolution with the last group, and the one page for all.</summary>
public sealed class IncidentGroupsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);
    private static readonly EscalationPolicy Policy = new("page", [new EscalationStep(TimeSpan.Zero, ["oncall"])]);

    private static Incident Opened() => Incident.Trigger("inc-1",
        [new IncidentGroup("g-checkout", "CheckoutErrors (checkout)", T0), new IncidentGroup("g-orders", "OrdersSlow (orders)", T0)],
        "[FIRING:1] CheckoutErrors (checkout)", Policy, T0) with { RootCause = "orders: orders has no failing dependency and 1 failing service(s) depend on it" };

    [Fact]
    public void Opening_with_correlated_groups_names_them_all_in_the_timeline()
    {
        var incident = Opened();

        Assert.Equal(["g-checkout", "g-orders"], incident.Members().Select(g => g.GroupKey));
        Assert.Equal("g-checkout", incident.GroupKey);
        Assert.Equal("[FIRING:1] CheckoutErrors (checkout); alert groups: CheckoutErrors (checkout); OrdersSlow (orders)", Assert.Single(incident.Timeline).Detail);
    }

    [Fact]
    public void A_late_group_joins_the_timeline_without_changing_the_escalation_and_joining_twice_changes_nothing()
    {
        var incident = Opened();

        var joined = incident.Join(new IncidentGroup("g-frontend", "FrontendErrors (frontend)", T0.AddMinutes(2)), T0.AddMinutes(2));

        Assert.Equal(3, joined.Members().Count);
        Assert.Equal(("group-joined", "group FrontendErrors (frontend) joined"), (joined.Timeline[^1].Kind, joined.Timeline[^1].Detail));
        Assert.Equal((incident.Status, incident.NextStepAt, incident.NextStep), (joined.Status, joined.NextStepAt, joined.NextStep));
        Assert.Same(joined, joined.Join(new IncidentGroup("g-frontend", "FrontendErrors (frontend)", T0.AddMinutes(3)), T0.AddMinutes(3)));
    }

    [Fact]
    public void The_incident_resolves_when_its_last_group_resolves_and_a_group_firing_again_is_noted()
    {
        var incident = Opened();

        var one = incident.ResolveGroup("g-checkout", "alert-service (alerts resolved)", T0.AddMinutes(5));
        Assert.Equal(IncidentStatus.Triggered, one.Status);
        Assert.Equal(("group-resolved", "group CheckoutErrors (checkout) resolved; 1 still firing"), (one.Timeline[^1].Kind, one.Timeline[^1].Detail));
        Assert.Same(one, one.ResolveGroup("g-checkout", "again", T0.AddMinutes(6)));
        Assert.Same(one, one.ResolveGroup("g-unknown", "nobody", T0.AddMinutes(6)));

        var again = one.Join(new IncidentGroup("g-checkout", "CheckoutErrors (checkout)", T0.AddMinutes(7)), T0.AddMinutes(7));
        Assert.Equal("group-firing", again.Timeline[^1].Kind);
        Assert.Equal(IncidentStatus.Triggered, again.ResolveGroup("g-orders", "x", T0.AddMinutes(8)).Status);

        var resolved = one.ResolveGroup("g-orders", "alert-service (alerts resolved)", T0.AddMinutes(9));
        Assert.Equal(IncidentStatus.Resolved, resolved.Status);
        Assert.Null(resolved.WakeAt);
        Assert.Equal(("resolved", "alert-service (alerts resolved)"), (resolved.Timeline[^1].Kind, resolved.Timeline[^1].Detail));
        Assert.Same(resolved, resolved.Join(new IncidentGroup("g-late", "Late", T0.AddMinutes(10)), T0.AddMinutes(10)));
    }

    [Fact]
    public void A_group_in_group_wait_is_named_at_once_joins_when_it_notifies_and_holds_no_incident_open()
    {
        var incident = Incident.Trigger("inc-1",
            [new IncidentGroup("g-checkout", "CheckoutErrors (checkout)", T0), new IncidentGroup("g-orders", "OrdersSlow (orders)", T0, Waiting: true)],
            "[FIRING:1] CheckoutErrors (checkout)", Policy, T0);

        Assert.Equal(["triggered", "group-waiting"], incident.Timeline.Select(t => t.Kind));
        Assert.Equal("[FIRING:1] CheckoutErrors (checkout)", incident.Timeline[0].Detail);
        Assert.Equal("group OrdersSlow (orders) correlated while in its group_wait; it joins when it notifies", incident.Timeline[1].Detail);
        Assert.Equal(["g-checkout", "g-orders"], IncidentSummary.Of(incident).MemberKeys);
        Assert.Throws<ArgumentException>(() => Incident.Trigger("inc-2", [new IncidentGroup("g-a", "A", T0, Waiting: true)], "t", Policy, T0));

        // Named again while waiting: nothing changes. Its flush joins it for real.
        Assert.Same(incident, incident.Join(new IncidentGroup("g-orders", "OrdersSlow (orders)", T0, Waiting: true), T0));
        var flushed = incident.Join(new IncidentGroup("g-orders", "OrdersSlow (orders)", T0.AddSeconds(30)), T0.AddSeconds(30));
        Assert.Equal(("group-joined", "group OrdersSlow (orders) joined"), (flushed.Timeline[^1].Kind, flushed.Timeline[^1].Detail));
        Assert.False(flushed.Members()[1].Waiting);
        Assert.Equal(IncidentStatus.Triggered, flushed.ResolveGroup("g-checkout", "x", T0.AddMinutes(1)).Status);

        // One that never notifies (its alerts resolved in group_wait) does not keep the incident open.
        Assert.Equal(IncidentStatus.Resolved, incident.ResolveGroup("g-checkout", "x", T0.AddMinutes(1)).Status);

        // A group joining an open incident while waiting is named the same way.
        var late = Opened().Join(new IncidentGroup("g-frontend", "FrontendErrors (frontend)", T0, Waiting: true), T0);
        Assert.Equal("group-waiting", late.Timeline[^1].Kind);
    }

    [Fact]
    public void The_page_names_a_waiting_group_but_sends_its_alerts_only_once_it_notified()
    {
        var incident = Opened().Join(new IncidentGroup("g-frontend", "FrontendErrors (frontend)", T0, Waiting: true), T0);
        var payloads = new Dictionary<string, WebhookPayload>
        {
            ["g-checkout"] = Payload("g-checkout", "CheckoutErrors", "checkout"),
            ["g-orders"] = Payload("g-orders", "OrdersSlow", "orders"),
            ["g-frontend"] = Payload("g-frontend", "FrontendErrors", "frontend"),
        };

        var page = IncidentPage.Compose(incident, payloads)!;

        Assert.Equal(["CheckoutErrors", "OrdersSlow"], page.Alerts.Select(a => a.Labels["alertname"]));
        Assert.Equal(["CheckoutErrors (checkout)", "OrdersSlow (orders)", "FrontendErrors (frontend) (in group_wait)"], page.Incident!.Groups);
        var joined = incident.Join(new IncidentGroup("g-frontend", "FrontendErrors (frontend)", T0), T0);
        Assert.Equal(["CheckoutErrors", "OrdersSlow", "FrontendErrors"], IncidentPage.Compose(joined, payloads)!.Alerts.Select(a => a.Labels["alertname"]));
    }

    [Fact]
    public void An_incident_stored_before_groups_joined_incidents_stands_for_its_own_group()
    {
        var legacy = new Incident { Id = "inc-0", GroupKey = "g-a", Title = "[FIRING:1] A", PolicyName = "page", TriggeredAt = T0 };

        Assert.Equal(["g-a"], legacy.Members().Select(g => g.GroupKey));
        Assert.Equal(["g-a"], IncidentSummary.Of(legacy).Groups);
        Assert.Equal(IncidentStatus.Resolved, legacy.ResolveGroup("g-a", "by", T0).Status);
        Assert.Equal(["g-a", "g-b"], legacy.Join(new IncidentGroup("g-b", "B", T0), T0).Members().Select(g => g.GroupKey));
    }

    [Fact]
    public void The_page_lists_the_alerts_of_the_firing_groups_and_names_every_group_and_the_root_cause()
    {
        var incident = Opened().Join(new IncidentGroup("g-frontend", "FrontendErrors (frontend)", T0), T0).ResolveGroup("g-frontend", "x", T0);
        var payloads = new Dictionary<string, WebhookPayload>
        {
            ["g-checkout"] = Payload("g-checkout", "CheckoutErrors", "checkout"),
            ["g-orders"] = Payload("g-orders", "OrdersSlow", "orders"),
            ["g-frontend"] = Payload("g-frontend", "FrontendErrors", "frontend"),
        };

        var page = IncidentPage.Compose(incident, payloads)!;

        Assert.Equal("g-checkout", page.GroupKey);
        Assert.Equal(["CheckoutErrors", "OrdersSlow"], page.Alerts.Select(a => a.Labels["alertname"]));
        Assert.Equal(["CheckoutErrors (checkout)", "OrdersSlow (orders)", "FrontendErrors (frontend) (resolved)"], page.Incident!.Groups);
        Assert.Equal("[FIRING:2] CheckoutErrors (checkout) + 2 correlated groups", PayloadText.Title(page));
        Assert.DoesNotContain("service", page.CommonLabels.Keys);
        var email = EmailMessage.From(page);
        Assert.Contains("OrdersSlow (orders)", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Suggested root cause: orders: orders has no failing dependency", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("root cause orders", SmsMessage.From(page), StringComparison.Ordinal);
        Assert.Contains("Suggested root cause: orders", SlackMessage.From(page).Attachments[0].Text, StringComparison.Ordinal);
        Assert.Null(IncidentPage.Compose(incident, new Dictionary<string, WebhookPayload>()));
    }

    [Fact]
    public void A_group_is_named_by_its_alert_name_and_its_other_group_labels()
    {
        var alert = new Alert(LabelSet.From(("alertname", "Down"), ("service", "api")), LabelSet.Empty, T0, T0.AddHours(1), T0);

        Assert.Equal("Down (api)", IncidentGroup.NameOf(LabelSet.From(("alertname", "Down"), ("service", "api")), [alert]));
        Assert.Equal("Down (api)", IncidentGroup.NameOf(LabelSet.From(("service", "api")), [alert, alert]));
        Assert.Equal("alerts (api)", IncidentGroup.NameOf(LabelSet.From(("service", "api")), [alert, alert with { Labels = LabelSet.From(("alertname", "Up")) }]));
        Assert.Equal("Down", IncidentGroup.NameOf(LabelSet.Empty, [alert]));
    }

    private static WebhookPayload Payload(string key, string alertname, string service) => new()
    {
        GroupKey = key,
        Status = WebhookPayload.Firing,
        Receiver = "oncall",
        GroupLabels = new Dictionary<string, string> { ["alertname"] = alertname, ["service"] = service },
        CommonLabels = new Dictionary<string, string> { ["alertname"] = alertname, ["service"] = service },
        CommonAnnotations = new Dictionary<string, string>(),
        ExternalUrl = "http://localhost:8004",
        Alerts =
        [
            new WebhookAlert
            {
                Status = WebhookPayload.Firing,
                Labels = new Dictionary<string, string> { ["alertname"] = alertname, ["service"] = service, ["severity"] = "page" },
                Annotations = new Dictionary<string, string> { ["summary"] = $"{service} is failing" },
                Fingerprint = $"fp-{service}",
            },
        ],
    };
}
