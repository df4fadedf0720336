using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>Each component rule rejects a real file broken in one place, naming the file and the field.</summary>
public sealed class ComponentRulesTests
{
    [Theory]
    [InlineData("components/local/pubsub.yaml", "apiVersion: dapr.io/v1alpha1", "apiVersion: dapr.io/v1", "apiVersion")]
    [InlineData("components/local/pubsub.yaml", "kind: Component", "kind: Componnet", "kind")]
    [InlineData("components/compose/statestore.yaml", "  name: statestore\n", "  name: \"\"\n", "metadata.name")]
    [InlineData("components/local/statestore.yaml", "type: state.redis", "type: state.rediss", "spec.type")]
    [InlineData("components/production/pubsub.yaml", "type: pubsub.kafka", "type: pubsub.kafka2", "spec.type")]
    public void Rejects_unknown_kinds_and_types(string file, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ComponentRules), file, fragment, replacement), file, field);

    [Theory]
    [InlineData("components/local/statestore.yaml", "redisHost")]
    [InlineData("components/compose/pubsub.yaml", "redisHost")]
    [InlineData("components/production/pubsub.yaml", "brokers")]
    [InlineData("components/production/pubsub.yaml", "authType")]
    [InlineData("components/local/email.yaml", "host")]
    [InlineData("components/production/email.yaml", "port")]
    [InlineData("components/local/slack.yaml", "url")]
    [InlineData("components/production/webhook.yaml", "url")]
    [InlineData("components/local/sms.yaml", "fromNumber")]
    [InlineData("components/compose/sms.yaml", "accountSid")]
    [InlineData("components/production/sms.yaml", "authToken")]
    [InlineData("components/local/scrape-tick.yaml", "schedule")]
    [InlineData("components/compose/secretstore.yaml", "secretsFile")]
    public void Rejects_missing_required_metadata(string file, string name)
    {
        var findings = Checks.Broken(nameof(ComponentRules), file, $"- name: {name}\n", $"- name: {name}Renamed\n");

        Checks.AssertNames(findings, file, $"spec.metadata[{name}]");
    }

    [Fact]
    public void Rejects_required_metadata_that_is_empty() =>
        Checks.AssertNames(
            Checks.Broken(nameof(ComponentRules), "components/local/scrape-tick.yaml", "value: \"@every 15s\"", "value: \"\""),
            "components/local/scrape-tick.yaml",
            "spec.metadata[schedule]");

    [Theory]
    [InlineData("components/local/email.yaml", "scopes:\n  - alert-service\n", "")]
    [InlineData("components/production/secretstore.yaml", "scopes:\n", "unscoped:\n")]
    [InlineData("components/compose/slack.yaml", "  - alert-service", "  - alert-svc")]
    public void Rejects_missing_or_unknown_scopes(string file, string fragment, string replacement) =>
        Checks.AssertNames(Checks.Broken(nameof(ComponentRules), file, fragment, replacement), file, "scopes");

    [Theory]
    [InlineData("components/local/slack.yaml", "secretStore: secretstore", "secretStore: vault")]
    [InlineData("components/production/statestore.yaml", "auth:\n  secretStore: secretstore\n", "")]
    public void Rejects_a_secret_reference_without_a_declared_secret_store(string file, string fragment, string replacement) =>
        Checks.AssertNames(Checks.Broken(nameof(ComponentRules), file, fragment, replacement), file, "auth.secretStore");

    [Fact]
    public void Rejects_a_secret_reference_without_a_key() =>
        Checks.AssertNames(
            Checks.Broken(nameof(ComponentRules), "components/local/sms.yaml", "        key: twilio-auth-token\n", ""),
            "components/local/sms.yaml",
            "spec.metadata[authToken].secretKeyRef.key");
}
