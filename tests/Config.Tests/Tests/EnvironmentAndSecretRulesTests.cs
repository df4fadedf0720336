using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>Component names per environment, and no plaintext secret in production.</summary>
public sealed class EnvironmentAndSecretRulesTests
{
    [Theory]
    [InlineData("components/local/sms.yaml", "components/local")]
    [InlineData("components/compose/scrape-tick.yaml", "components/compose")]
    [InlineData("components/production/secretstore.yaml", "components/production")]
    public void Rejects_an_environment_missing_a_component_the_code_uses(string file, string folder)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var findings = Checks.Broken(nameof(EnvironmentRules), file, $"  name: {name}\n", $"  name: {name}-renamed\n");

        Checks.AssertNames(findings, folder, "metadata.name");
    }

    [Fact]
    public void Rejects_a_component_name_declared_twice()
    {
        var findings = Checks.Broken(nameof(EnvironmentRules), "components/compose/webhook.yaml", "  name: webhook\n", "  name: slack\n");

        Assert.Contains(findings, f => f.Field == "metadata.name" && f.File is "components/compose/slack.yaml" or "components/compose/webhook.yaml");
    }

    [Theory]
    [InlineData("components/production/statestore.yaml", "redisPassword", "      secretKeyRef:\n        name: airis-redis\n        key: password\n")]
    [InlineData("components/production/pubsub.yaml", "saslPassword", "      secretKeyRef:\n        name: airis-kafka\n        key: password\n")]
    [InlineData("components/production/email.yaml", "password", "      secretKeyRef:\n        name: airis-smtp\n        key: password\n")]
    [InlineData("components/production/sms.yaml", "accountSid", "      secretKeyRef:\n        name: airis-twilio\n        key: account-sid\n")]
    [InlineData("components/production/sms.yaml", "authToken", "      secretKeyRef:\n        name: airis-twilio\n        key: auth-token\n")]
    [InlineData("components/production/slack.yaml", "url", "      secretKeyRef:\n        name: airis-notifications\n        key: slack-webhook-url\n")]
    public void Rejects_a_plaintext_secret_in_production(string file, string name, string secretRef)
    {
        var findings = Checks.Broken(nameof(SecretRules), file, $"- name: {name}\n{secretRef}", $"- name: {name}\n      value: hunter2-plaintext\n");

        Checks.AssertNames(findings, file, $"spec.metadata[{name}]");
    }

    [Fact]
    public void Local_placeholders_are_not_production_secrets()
    {
        var local = ResourceEnvironment.Load(Repo.Current, "components/local");

        Assert.Empty(SecretRules.Check(local));
        Assert.Contains(local.Components, c => c.Find("password")?.Value is not null);
    }
}
