using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>docker-compose.yml broken one way at a time.</summary>
public sealed class ComposeRulesTests
{
    [Theory]
    [InlineData("  trace-service-dapr:\n", "  trace-service-sidecar:\n", "services.trace-service-dapr")]
    [InlineData("  log-service:\n    <<: *app\n    build:", "  logs:\n    <<: *app\n    build:", "services.log-service")]
    [InlineData("network_mode: \"service:alert-service\"", "network_mode: host", "services.alert-service-dapr.network_mode")]
    [InlineData("daprio/daprd:1.16.0", "daprio/daprd:latest", "services.metrics-service-dapr.image")]
    [InlineData("daprio/daprd:1.16.0", "daprio/daprd:1.14.4", "services.log-service-dapr.image")]
    [InlineData("dockerfile: services/LogService/Dockerfile", "dockerfile: services/LogService/Dockerfil", "services.log-service.build.dockerfile")]
    [InlineData("      - -app-id\n      - metrics-service\n", "      - -app-id\n      - metrics\n", "services.metrics-service-dapr.command")]
    [InlineData("      - placement:50005\n", "      - localhost:50005\n", "services.trace-service-dapr.command")]
    [InlineData("      - scheduler:50006\n", "      - scheduler:6060\n", "services.alert-service-dapr.command")]
    [InlineData("./components/compose:/components:ro", "./components/local:/components:ro", "services.log-service-dapr.command")]
    [InlineData("      - /config/compose.yaml\n", "      - /config/compos.yaml\n", "services.log-service-dapr.command")]
    [InlineData("./components/config:/config:ro", "./components/configs:/config:ro", "services.alert-service-dapr.volumes")]
    [InlineData("      - /healthz\n", "      - /health\n", "services.trace-service-dapr.command")]
    public void Rejects_a_broken_app_or_sidecar(string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ComposeRules), Checks.ComposePath, fragment, replacement), Checks.ComposePath, field);

    [Theory]
    [InlineData("elasticsearch/elasticsearch:9.1.0", "elasticsearch/elasticsearch:8.15.0", "services.elasticsearch.image")]
    [InlineData("      discovery.type: single-node\n", "", "services.elasticsearch.environment")]
    [InlineData("    profiles: [kafka]\n", "", "services.kafka.profiles")]
    [InlineData("KAFKA_PROCESS_ROLES: broker,controller", "KAFKA_PROCESS_ROLES: broker", "services.kafka.environment")]
    [InlineData("      - \"127.0.0.1:8025:8025\"\n", "", "services.mailpit.ports")]
    [InlineData("image: clickhouse/clickhouse-server:25.8", "image: clickhouse/clickhouse-server:latest", "services.clickhouse.image")]
    [InlineData("  redis:\n    image: redis:7.4-alpine\n", "  cache:\n    image: redis:7.4-alpine\n", "services.redis.image")]
    [InlineData("  scheduler:\n", "  dapr-scheduler:\n", "services.scheduler.image")]
    public void Rejects_broken_infrastructure(string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ComposeRules), Checks.ComposePath, fragment, replacement), Checks.ComposePath, field);

    [Fact]
    public void Daprd_flags_are_read_in_both_spellings()
    {
        var compose = ComposeFile.Parse(new RepoFile("c.yml", "services:\n  a-dapr:\n    command: ./daprd --app-id=a -app-port 8001 -enable-app-health-check\n"));

        var flags = compose.Service("a-dapr")!.Flags();

        Assert.Equal("a", flags["app-id"]);
        Assert.Equal("8001", flags["app-port"]);
        Assert.Equal("true", flags["enable-app-health-check"]);
    }
}
