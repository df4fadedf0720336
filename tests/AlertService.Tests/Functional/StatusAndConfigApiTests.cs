using System.Net;
using System.Text;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class StatusAndConfigApiTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    private const string ValidConfig = """
        route:
          receiver: team
          group_by: [alertname]
        receivers:
          - name: team
            webhook_configs:
              - url: http://hooks.local/alerts
        """;

    [Fact]
    public async Task Status_has_Alertmanager_shape_with_the_original_config()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var status = await GetAsync(client, "/api/v2/status");

        Assert.Equal("disabled", status.GetProperty("cluster").GetProperty("status").GetString());
        Assert.Equal(0, status.GetProperty("cluster").GetProperty("peers").GetArrayLength());
        Assert.False(status.GetProperty("cluster").TryGetProperty("name", out _)); // as Alertmanager 0.25 with clustering off
        Assert.Contains("receiver: oncall", status.GetProperty("config").GetProperty("original").GetString());
        foreach (var field in new[] { "version", "revision", "branch", "buildUser", "buildDate", "goVersion" })
        {
            Assert.True(status.GetProperty("versionInfo").TryGetProperty(field, out _), field);
        }

        Assert.True(status.GetProperty("uptime").GetDateTimeOffset() <= factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Config_is_served_as_yaml_and_replaced_by_put()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var before = await client.GetAsync("/api/v1/alerting/config", TestContext.Current.CancellationToken);
        Assert.Equal("application/yaml", before.Content.Headers.ContentType?.MediaType);
        Assert.Contains("oncall", await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var put = await client.PutAsync("/api/v1/alerting/config", new StringContent(ValidConfig, Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(ValidConfig.Replace("http://hooks.local/alerts", SecretFields.Redacted), AlertingConfigSecrets.Redact(factory.ConfigStore.Saved!.Yaml));
        Assert.Equal(["team"], (await GetAsync(client, "/api/v2/receivers")).EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        await PostAsync(client, "/api/v2/alerts", new[] { Alert(("alertname", "X")) });
        Assert.Equal("team", (await GetAsync(client, "/api/v2/alerts"))[0].GetProperty("receivers")[0].GetProperty("name").GetString());
    }

    public static TheoryData<string, string> BadConfigs => new()
    {
        { "route:\n  receiver: nobody\nreceivers:\n  - name: team\n", "route.receiver" },
        { "route:\n  receiver: team\n  group_wait: soon\nreceivers:\n  - name: team\n", "route.group_wait" },
        { "route:\n  receiver: team\n  matchers: ['service=~\"(\"']\nreceivers:\n  - name: team\n", "route.matchers" },
        { "route:\n  receiver: team\n  routes:\n    - ref: loop\nnamed_routes:\n  loop:\n    receiver: team\n    routes:\n      - ref: loop\nreceivers:\n  - name: team\n", "ref" },
        { "route:\n  receiver: team\nreceivers:\n  - name: team\n    slack_configs:\n      - title: '{{ $labels.service '\n", "receivers[name=team].slack_configs[0].title" },
        { "route: [unclosed\n", "line" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task Bad_config_is_a_400_listing_the_problem_by_path_and_changes_nothing(string yaml, string path)
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var response = await client.PutAsync("/api/v1/alerting/config", new StringContent(yaml, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains(ErrorKeys(problem), key => key.Contains(path, StringComparison.Ordinal));
        Assert.Null(factory.ConfigStore.Saved);
        Assert.Contains("oncall", (await GetAsync(client, "/api/v2/receivers")).EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Notifications_log_is_readable_and_limit_is_checked()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        Assert.Equal(0, (await GetAsync(client, "/api/v1/notifications")).GetArrayLength());
        Assert.Equal(["limit"], ErrorKeys(await GetAsync(client, "/api/v1/notifications?limit=0", HttpStatusCode.BadRequest)));
    }
}
