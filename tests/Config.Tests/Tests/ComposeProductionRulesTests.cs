using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>docker-compose.yml and its secret files broken one production requirement at a time.</summary>
public sealed class ComposeProductionRulesTests
{
    private const string AppToken = "${APP_API_TOKEN:?set APP_API_TOKEN in .env (copy .env.example)}";

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT: Production", "ASPNETCORE_ENVIRONMENT: Development", "services.metrics-service.environment.ASPNETCORE_ENVIRONMENT")]
    [InlineData("      - \"8004:8004\"\n", "      - \"8004:8004\"\n      - \"3504:3504\"\n", "services.alert-service.ports")]
    [InlineData("      - \"4417:4417\"\n", "      - \"4418:4418\"\n", "services.log-service.ports")]
    [InlineData("      Otlp__GrpcPort: \"4317\"\n", "", "services.trace-service.ports")]
    [InlineData("    network_mode: \"service:log-service\"", "    ports:\n      - \"50002:50002\"\n    network_mode: \"service:log-service\"", "services.log-service-dapr.ports")]
    [InlineData("    image: redis:7.4-alpine\n", "    image: redis:7.4-alpine\n    ports:\n      - \"6379:6379\"\n", "services.redis.ports")]
    [InlineData("      - \"127.0.0.1:8025:8025\"\n", "      - \"127.0.0.1:8025:8025\"\n      - \"1025:1025\"\n", "services.mailpit.ports")]
    [InlineData("  APP_API_TOKEN: " + AppToken, "  APP_API_TOKEN: hunter2", "services.metrics-service.environment.APP_API_TOKEN")]
    [InlineData("  APP_API_TOKEN: " + AppToken, "  APP_API_TOKEN: hunter2", "services.trace-service-dapr.environment.APP_API_TOKEN")]
    [InlineData("DAPR_API_TOKEN: ${DAPR_API_TOKEN:?", "DAPR_API_TOKEN: ${APP_API_TOKEN:?", "services.log-service.environment.DAPR_API_TOKEN")]
    [InlineData("    environment: *sidecar-env\n    secrets:\n      - dapr-secrets\n    volumes:\n      - ./components/compose:/components:ro\n      - ./components/config:/config:ro\n    network_mode: \"service:alert-service\"", "    secrets:\n      - dapr-secrets\n    volumes:\n      - ./components/compose:/components:ro\n      - ./components/config:/config:ro\n    network_mode: \"service:alert-service\"", "services.alert-service-dapr.environment.DAPR_API_TOKEN")]
    [InlineData("CLICKHOUSE_PASSWORD: ${CLICKHOUSE_PASSWORD:?set CLICKHOUSE_PASSWORD in .env (copy .env.example)}", "CLICKHOUSE_PASSWORD: airis-local-only", "services.clickhouse.environment.CLICKHOUSE_PASSWORD")]
    public void Rejects_compose_that_is_not_production(string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ComposeProductionRules), Checks.ComposePath, fragment, replacement), Checks.ComposePath, field);

    [Theory]
    [InlineData(".env.example", "CLICKHOUSE_PASSWORD=\n", "", ".env.example", "CLICKHOUSE_PASSWORD")]
    [InlineData(".env.example", "APP_API_TOKEN=\n", "APP_API_TOKEN=change-me\n", ".env.example", "APP_API_TOKEN")]
    [InlineData(".gitignore", "\n.env\n", "\n", ".gitignore", ".env")]
    public void Rejects_an_env_file_that_is_committed_or_incomplete(string file, string fragment, string replacement, string named, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ComposeProductionRules), file, fragment, replacement), named, field);

    [Theory]
    [InlineData(".gitignore", "components/compose/secrets.json\n", "", ".gitignore", "components/compose/secrets.json")]
    [InlineData("components/compose/secrets.example.json", "  \"auth-signing-key\": \"change-me\",\n", "", "components/compose/secrets.example.json", "auth-signing-key")]
    [InlineData("components/compose/secrets.example.json", ",\n  \"twilio-auth-token\": \"change-me\"", "", "components/compose/secrets.example.json", "twilio-auth-token")]
    public void Rejects_a_secrets_file_that_is_committed_or_without_a_full_template(string file, string fragment, string replacement, string named, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(SecretsFileRules), file, fragment, replacement), named, field);
}
