using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>The signer and issuer Configurations broken one way at a time against their environment's.</summary>
public sealed class ConfigurationSiblingRulesTests
{
    private const string Signer = "components/config/production-signer.yaml";

    [Theory]
    [InlineData(Signer, "  mtls:\n    enabled: true\n", "  mtls:\n    enabled: false\n", Signer, "spec.mtls")]
    [InlineData("components/config/production-consul-signer.yaml", "useCache: true", "useCache: false", "components/config/production-consul-signer.yaml", "spec.nameResolution")]
    [InlineData("components/config/compose-issuer.yaml", "  metric:\n", "  features:\n    - name: Resiliency\n      enabled: true\n  metric:\n", "components/config/compose-issuer.yaml", "spec.features")]
    [InlineData(Signer, "  namespace: airis-epm\n", "  namespace: default\n", Signer, "metadata.namespace")]
    [InlineData("components/config/production.yaml", "      isSecure: false\n", "      isSecure: false\n      timeout: 5s\n", Signer, "spec.tracing")]
    [InlineData("components/config/production.yaml", "      isSecure: false\n", "      isSecure: false\n      timeout: 5s\n", "components/config/production-issuer.yaml", "spec.tracing")]
    public void Rejects_a_sibling_that_differs_outside_its_secrets(string file, string fragment, string replacement, string named, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ConfigurationSiblingRules), file, fragment, replacement), named, field);

    [Fact]
    public void Key_order_and_comments_are_no_difference() =>
        Assert.Empty(Checks.Broken(
            nameof(ConfigurationSiblingRules), Signer,
            "  metric:\n    enabled: true\n  mtls:\n    enabled: true\n",
            "  mtls:\n    enabled: true # mTLS between sidecars\n  metric:\n    enabled: true\n"));

    [Fact]
    public void Rejects_a_sibling_without_an_environment_configuration()
    {
        const string orphan = "components/config/staging-signer.yaml";
        var repo = Repo.Current.With(new RepoFile(orphan, Repo.Current.Read(Signer).Text));

        Checks.AssertNames(ConfigurationSiblingRules.Check(repo, Checks.ConfigFolder).ToList(), orphan, "metadata.name");
    }
}
