using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;

namespace AirisEpm.AlertService.Tests.Domain.Configuration;

public sealed class AlertingConfigYamlTests
{
    private const string Yaml = """
        global:
          resolve_timeout: 10m
        route:
          receiver: team-email
          group_by: [alertname, service]
          group_wait: 45s
          routes:
            - matchers: ['severity="critical"', 'service=~"api|web"']
              receiver: oncall
              escalation_policy: api-oncall
              repeat_interval: 1h
              continue: true
              active_time_intervals: [business-hours]
            - match: { team: db }
              match_re: { env: "prod|staging" }
              receiver: hooks
              mute_time_intervals: [business-hours]
        receivers:
          - name: team-email
            email_configs:
              - to: team@example.com
                headers: { Subject: "[{{ .Status }}] alert" }
          - name: oncall
            slack_configs: [{ channel: "#oncall", send_resolved: true }]
            sms_configs: [{ to: "+15550100" }]
          - name: hooks
            webhook_configs: [{ url: http://hooks.local/alert, max_alerts: 10 }]
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_matchers: [severity="warning"]
            equal: [service]
        time_intervals:
          - name: business-hours
            time_intervals:
              - weekdays: ['monday:friday']
                times: [{ start_time: "09:00", end_time: "17:00" }]
                location: Europe/Berlin
        """;

    [Fact]
    public void Loads_alertmanager_shaped_yaml()
    {
        var config = AlertingConfigYaml.Load(Yaml);
        Assert.Equal(TimeSpan.FromMinutes(10), config.ResolveTimeout);
        var critical = config.Routes.Match(LabelSet.From(("severity", "critical"), ("service", "api"), ("team", "db"), ("env", "prod")));
        Assert.Equal(["oncall", "hooks"], critical.Select(r => r.Receiver));
        Assert.Equal(TimeSpan.FromSeconds(45), critical[0].GroupWait);
        Assert.Equal(["business-hours"], critical[0].ActiveTimeIntervals);
        Assert.Equal("api-oncall", critical[0].EscalationPolicy);

        Assert.True(config.Receivers["oncall"].SendsResolved);
        Assert.Equal("+15550100", config.Receivers["oncall"].SmsConfigs.Single().To);
        Assert.False(config.Receivers["team-email"].SendsResolved);
        Assert.Equal("[{{ .Status }}] alert", config.Receivers["team-email"].EmailConfigs.Single().Subject);
        Assert.True(config.Receivers["hooks"].WebhookConfigs.Single().SendResolved); // Alertmanager default for webhooks
        Assert.Equal(["service"], config.InhibitRules.Single().Equal);
        Assert.True(config.TimeIntervals.AnyActive(["business-hours"], new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Reports_every_problem_with_its_path()
    {
        var yaml = """
            route:
              receiver: missing
              group_wait: soon
              routes:
                - matchers: ['severity=~"(crit"']
                  mute_time_intervals: [nights]
            receivers:
              - name: a
              - name: a
            time_intervals:
              - name: bad
                time_intervals: [{ times: [{ start_time: "18:00", end_time: "08:00" }] }]
            """;
        var ex = Assert.Throws<ConfigException>(() => AlertingConfigYaml.Load(yaml));
        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Contains("route.group_wait", paths);
        Assert.Contains("route.routes[0].matchers[0]", paths);
        Assert.Contains("time_intervals[0].time_intervals[0]", paths);
        Assert.Contains("receivers[1].name", paths);
        Assert.Contains("route.receiver", paths);
        Assert.Contains("route.routes[0].time_intervals", paths);
    }

    [Fact]
    public void Unknown_keys_and_syntax_errors_name_the_line()
    {
        var ex = Assert.Throws<ConfigException>(() => AlertingConfigYaml.Load("route:\n  receiver: a\n  grup_by: [x]\n"));
        Assert.Equal("line 3, column 3", ex.Errors.Single().Path);
        Assert.Throws<ConfigException>(() => AlertingConfigYaml.Load("receivers: []"));
    }
}
