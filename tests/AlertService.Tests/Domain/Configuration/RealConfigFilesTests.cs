using AirisEpm.AlertService.Application;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Tests.Domain.Configuration;

/// <summary>Real alertmanager.yml files load as they are, and what they say is what alert-service does.</summary>
public sealed class RealConfigFilesTests
{
    [Theory]
    [MemberData(nameof(ConfigFixtures.All), MemberType = typeof(ConfigFixtures))]
    public void Every_file_amtool_accepts_loads(string file)
    {
        var config = AlertingConfigHolder.Parse(ConfigFixtures.Read(file));

        Assert.NotEmpty(config.Receivers);
        Assert.Contains(config.Notices, n => n.Path == "templates");
    }

    [Theory]
    [InlineData(ConfigFixtures.DebianDefault)]
    [InlineData(ConfigFixtures.AlertmanagerSimple)]
    public void The_reference_files_route_and_inhibit_as_written(string file)
    {
        var config = AlertingConfigHolder.Parse(ConfigFixtures.Read(file));

        Assert.Equal(["team-DB-pager", "team-X-mails", "team-X-pager", "team-Y-mails", "team-Y-pager"], config.Receivers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("team-X-pager", Receiver(config, ("service", "foo2"), ("severity", "critical")));
        Assert.Equal("team-Y-mails", Receiver(config, ("service", "files"), ("severity", "warning")));
        Assert.Equal("team-DB-pager", Receiver(config, ("service", "database")));
        Assert.Equal("team-X-mails", Receiver(config, ("service", "other")));
        var rule = Assert.Single(config.InhibitRules);
        Assert.Equal(["alertname", "cluster", "service"], rule.Equal);
        Assert.Equal("alertmanager@example.org", config.Receivers["team-X-mails"].EmailConfigs[0].From);
        Assert.Equal(
            ["receivers[1].pagerduty_configs", "receivers[3].pagerduty_configs", "receivers[4].pagerduty_configs"],
            config.Notices.Where(n => n.Path != "templates").Select(n => n.Path));
        Assert.Contains("team-DB-pager\" delivers nothing", config.Notices[^1].Reason);
        Assert.Contains("delivers only through", config.Notices[1].Reason);
    }

    [Fact]
    public void Every_key_maps_what_alert_service_performs_and_reports_the_rest()
    {
        var config = AlertingConfigHolder.Parse(ConfigFixtures.Read(ConfigFixtures.EveryKey));

        Assert.Equal(TimeSpan.FromMinutes(4), config.ResolveTimeout);
        var email = Assert.Single(config.Receivers["db-mail"].EmailConfigs);
        Assert.Equal(("db-team@example.org", "db-alerts@example.org", true), (email.To, email.From, email.SendResolved));
        Assert.Equal("alerts@example.org", config.Receivers["pager"].EmailConfigs[0].From);
        var slack = Assert.Single(config.Receivers["chat"].SlackConfigs);
        Assert.Equal(("#alerts", true), (slack.Channel, slack.SendResolved));
        Assert.StartsWith("{{ range .Alerts }}", slack.Text, StringComparison.Ordinal);
        Assert.Equal("DB alert: {{ .CommonLabels.alertname }}", email.Subject);
        // Alertmanager's default templates are not there: the title is kept, noticed, and the built-in title goes out.
        Assert.Equal("{{ template \"slack.default.title\" . }}", slack.Title);
        var notice = Assert.Single(config.Notices, n => n.Path.StartsWith("receivers[name=", StringComparison.Ordinal));
        Assert.Equal("receivers[name=chat].slack_configs[0].title", notice.Path);
        Assert.Contains("no such template \"slack.default.title\"", notice.Reason, StringComparison.Ordinal);
        var hook = Assert.Single(config.Receivers["hooks"].WebhookConfigs);
        Assert.Equal(("http://hooks.example.org/alertmanager", false, 10), (hook.Url, hook.SendResolved, hook.MaxAlerts));
        Assert.Equal(2, config.InhibitRules.Count);
        Assert.Equal(["office-hours", "weekends"], config.TimeIntervals.Intervals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["discord_configs", "opsgenie_configs", "pagerduty_configs", "pushover_configs", "sns_configs", "telegram_configs", "victorops_configs", "webex_configs", "wechat_configs"],
            config.Notices.Where(n => n.Path.StartsWith("receivers[4].", StringComparison.Ordinal)).Select(n => n.Path["receivers[4].".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal(["db-mail", "chat"], Receivers(config, ("team", "db"), ("service", "mysql"), ("severity", "critical"), ("env", "prod")));
        Assert.Equal(["pager"], Receivers(config, ("severity", "critical"), ("env", "staging"), ("region", "eu")));
        Assert.Equal(["chat"], Receivers(config, ("severity", "critical"), ("env", "prod"), ("region", "us"), ("owner", "ops")));
        Assert.Equal(["hooks"], Receivers(config, ("kind", "webhook")));
    }

    private static string Receiver(AlertService.Domain.Configuration.AlertingConfig config, params (string, string)[] labels) =>
        Assert.Single(Receivers(config, labels));

    private static string[] Receivers(AlertService.Domain.Configuration.AlertingConfig config, params (string, string)[] labels) =>
        [.. config.Routes.Match(LabelSet.From(labels)).Select(r => r.Receiver)];
}
