using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Dispatch;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Domain.Dispatch;

/// <summary>The notification log per integration: each integration is deduped, retried and superseded on its own.</summary>
public sealed class IntegrationLogTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly AlertStore _store = new();
    private readonly Dispatcher _dispatcher = new(Config(), new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static AlertingConfig Config() =>
        AlertingConfig.Create(
            new RouteConfig { Receiver = "oncall", GroupBy = ["alertname"] },
            [Receiver.Named("oncall") with
            {
                EmailConfigs = [new EmailConfig("oncall@airis.local", SendResolved: true)],
                SlackConfigs = [new SlackConfig("#alerts")],
                WebhookConfigs = [new WebhookConfig()],
            }]);

    private void Post(string alertname, string instance, DateTimeOffset endsAt) =>
        _dispatcher.Ingest(_store.Put(new PostedAlert(LabelSet.From(("alertname", alertname), ("instance", instance)), EndsAt: endsAt), Now), Now);

    private IReadOnlyList<NotificationDue> AdvanceAndTick(TimeSpan by)
    {
        _clock.Advance(by);
        return _dispatcher.Tick(Now, AlertMuter.None);
    }

    [Fact]
    public void A_flush_goes_to_every_integration_and_only_the_failed_one_is_retried_with_back_off()
    {
        Post("Errors", "a", Now.AddHours(1));
        var first = Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(30)));
        Assert.Equal(["email[0]", "slack[0]", "webhook[0]"], first.Integrations);
        _dispatcher.Report(first, ["slack[0]"], Now);

        Assert.Empty(AdvanceAndTick(TimeSpan.FromSeconds(1)));
        var retry = Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(1)));
        Assert.Equal(["slack[0]"], retry.Integrations);
        Assert.Equal(1, retry.Attempt);
        Assert.Equal(first.Firing, retry.Firing);
        _dispatcher.Report(retry, ["slack[0]"], Now);

        Assert.Empty(AdvanceAndTick(TimeSpan.FromSeconds(3))); // the second retry waits 4 s
        var second = Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(1)));
        Assert.Equal(2, second.Attempt);
        _dispatcher.Report(second, [], Now);

        // Delivered everywhere: the next flush of the unchanged group notifies nobody.
        Assert.Empty(AdvanceAndTick(TimeSpan.FromMinutes(5)));
        Assert.Empty(_dispatcher.Retries);
    }

    [Fact]
    public void The_next_flush_supersedes_a_retry_and_sends_only_to_the_integration_still_behind()
    {
        Post("Errors", "a", Now.AddHours(1));
        var first = Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(30)));
        _dispatcher.Report(first, ["slack[0]"], Now);
        for (var i = 0; i < 100; i++)
        {
            foreach (var retry in AdvanceAndTick(TimeSpan.FromSeconds(5))) _dispatcher.Report(retry, ["slack[0]"], Now);
            if (_dispatcher.TakeAbandoned() is { Count: > 0 } abandoned)
            {
                var gaveUp = Assert.Single(abandoned);
                Assert.Equal(["slack[0]"], gaveUp.Integrations);
                Assert.True(gaveUp.Attempt > 1);
                return;
            }
        }

        Assert.Fail("the group's next flush never superseded the retries");
    }

    [Fact]
    public void A_superseding_flush_tells_the_failed_integration_and_skips_the_ones_up_to_date()
    {
        Post("Errors", "a", Now.AddHours(1));
        var first = Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(30)));
        _dispatcher.Report(first, ["slack[0]"], Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var flush = _dispatcher.Tick(Now, AlertMuter.None).Single(d => d.Attempt == 0);
        Assert.Equal(["slack[0]"], flush.Integrations);
        Assert.Single(_dispatcher.TakeAbandoned());
    }

    [Fact]
    public void A_resolved_alert_stays_in_its_group_until_its_resolved_notice_is_delivered()
    {
        Post("Errors", "a", Now.AddHours(1));
        _dispatcher.Report(Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(30))), [], Now);
        Post("Errors", "a", Now); // resolved

        var resolved = Assert.Single(AdvanceAndTick(TimeSpan.FromMinutes(5)));
        Assert.Equal(AlertState.Resolved, resolved.Status);
        Assert.Equal(["email[0]", "slack[0]", "webhook[0]"], resolved.Integrations); // slack does not want it, but the all-resolved notice clears its log
        _dispatcher.Report(resolved, ["webhook[0]"], Now);
        Assert.Single(_dispatcher.Groups);

        var retry = Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(2)));
        Assert.Equal(["webhook[0]"], retry.Integrations);
        Assert.Equal(AlertState.Resolved, retry.Status);
        _dispatcher.Report(retry, [], Now);
        Assert.Empty(_dispatcher.Groups);
    }

    [Fact]
    public void A_resolved_alert_whose_notice_was_never_delivered_is_sent_again_by_the_next_flush()
    {
        Post("Errors", "a", Now.AddHours(1));
        _dispatcher.Report(Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(30))), [], Now);
        Post("Errors", "a", Now);
        var resolved = Assert.Single(AdvanceAndTick(TimeSpan.FromMinutes(5)));
        _dispatcher.Report(resolved, ["webhook[0]"], Now);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var again = _dispatcher.Tick(Now, AlertMuter.None).Single(d => d.Attempt == 0);
        Assert.Equal(["webhook[0]"], again.Integrations);
        Assert.Single(again.Resolved);
    }

    [Fact]
    public void A_restored_dispatcher_keeps_each_integration_log()
    {
        Post("Errors", "a", Now.AddHours(1));
        var first = Assert.Single(AdvanceAndTick(TimeSpan.FromSeconds(30)));
        _dispatcher.Report(first, ["webhook[0]"], Now);

        var restored = new Dispatcher(Config());
        restored.Restore(_dispatcher.Snapshot(), Now);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["webhook[0]"], Assert.Single(restored.Tick(Now, AlertMuter.None)).Integrations);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 10)]
    [InlineData(40, 10)]
    public void Back_off_doubles_up_to_its_cap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)).Delay(attempt));

    [Fact]
    public void Integrations_are_named_by_kind_and_index_and_an_escalation_route_is_one()
    {
        var config = AlertingConfig.Create(
            new RouteConfig { Receiver = "oncall", Routes = [new RouteConfig { Receiver = "oncall", Matchers = AlertmanagerMatchers.Parse("severity=critical"), EscalationPolicy = "critical" }] },
            [Receiver.Named("oncall") with { SlackConfigs = [new SlackConfig("#a"), new SlackConfig("#b", SendResolved: true)], EmailConfigs = [new EmailConfig("x@y")] }]);
        var root = config.Routes.Match(LabelSet.From(("severity", "info"))).Single();
        var critical = config.Routes.Match(LabelSet.From(("severity", "critical"))).Single();

        Assert.Equal(["email[0]", "slack[0]", "slack[1]"], Integration.Of(root, config).Select(i => i.Name));
        Assert.Equal([false, false, true], Integration.Of(root, config).Select(i => i.SendResolved));
        Assert.Equal([Integration.Group], Integration.Of(critical, config).Select(i => i.Name));
    }
}
