using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>Who may read which secret (Dapr scopes, Kubernetes RBAC), and no secret value under deploy/.</summary>
public sealed class SecretAccessRulesTests
{
    private const string Production = "components/config/production.yaml";
    private const string Signer = "components/config/production-signer.yaml";
    private const string Issuer = "components/config/production-issuer.yaml";
    private const string SignerScope = "allowedSecrets: [\"auth-jwks\", \"auth-signing-key\"]";
    private const string IssuerScope = "allowedSecrets: [\"auth-jwks\", \"auth-signing-key\", \"config-encryption-keys\"]";

    [Theory]
    [InlineData("metrics-service", "airis-production-signer", "airis-production-issuer", "lets metrics-service read 'config-encryption-keys', which only alert-service may read")]
    [InlineData("metrics-service", "airis-production-signer", "airis-production", "keeps 'auth-signing-key' from metrics-service")]
    [InlineData("log-service", "airis-production", "airis-production-issuer", "lets log-service read 'config-encryption-keys', which only alert-service may read")]
    [InlineData("log-service", "airis-production", "airis-production-signer", "lets log-service read 'auth-signing-key', which only metrics-service, trace-service, alert-service, console may read")]
    [InlineData("trace-service", "airis-production-signer", "airis-production-issuer", "lets trace-service read 'config-encryption-keys', which only alert-service may read")]
    [InlineData("alert-service", "airis-production-issuer", "airis-production", "keeps 'auth-signing-key' from alert-service")]
    [InlineData("alert-service", "airis-production-issuer", "airis-production-signer", "keeps 'config-encryption-keys' from alert-service")]
    [InlineData("trace-service", "airis-production-signer", "airis-production", "keeps 'auth-signing-key' from trace-service")]
    [InlineData("console", "airis-production-console", "airis-production-signer", "keeps 'console-admin-password' from console")]
    [InlineData("metrics-service", "airis-production-signer", "airis-production-console", "lets metrics-service read 'console-admin-password', which only console may read")]
    public void Rejects_an_app_on_another_roles_configuration(string app, string configuration, string other, string message)
    {
        var findings = Checks.Broken(
            nameof(SecretScopeRules), DeploymentRulesTests.Deployment(app), $"dapr.io/config: {configuration}\n", $"dapr.io/config: {other}\n");

        Checks.AssertNames(findings, DeploymentRulesTests.Deployment(app), $"Deployment/{app}.annotations[dapr.io/config]");
        Assert.Contains(findings, f => f.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Production, "allowedSecrets: [\"auth-jwks\"]", "allowedSecrets: [\"auth-jwks\", \"auth-signing-key\"]", "log-service")]
    [InlineData(Issuer, IssuerScope, "allowedSecrets: [\"auth-jwks\", \"config-encryption-keys\"]", "alert-service")]
    [InlineData(Issuer, IssuerScope, SignerScope, "alert-service")]
    [InlineData(Production, "allowedSecrets: [\"auth-jwks\"]", "deniedSecrets: [\"auth-jwks\"]", "log-service")]
    [InlineData(Signer, SignerScope, "allowedSecrets: [\"auth-jwks\"]", "trace-service")]
    [InlineData(Signer, SignerScope, IssuerScope, "trace-service")]
    [InlineData(Signer, "        defaultAccess: deny\n        " + SignerScope, "        defaultAccess: allow\n        deniedSecrets: [\"auth-signing-key\"]", "trace-service")]
    public void Rejects_a_configuration_that_gives_an_app_the_wrong_secrets(string file, string fragment, string replacement, string app) =>
        Checks.AssertNames(
            Checks.Broken(nameof(SecretScopeRules), file, fragment, replacement),
            DeploymentRulesTests.Deployment(app),
            $"Deployment/{app}.annotations[dapr.io/config]");

    [Fact]
    public void Rejects_a_signer_configuration_that_lets_trace_service_read_the_key_ring()
    {
        var findings = Checks.Broken(nameof(SecretScopeRules), Signer, SignerScope, IssuerScope);

        Assert.Contains(findings, f => f.Message == "'airis-production-signer' lets trace-service read 'config-encryption-keys', which only alert-service may read");
    }

    [Theory]
    [InlineData(Production, "        defaultAccess: deny\n        allowedSecrets: [\"auth-jwks\"]", "        defaultAccess: allow\n        allowedSecrets: [\"auth-jwks\"]", "Configuration/airis-production.spec.secrets.scopes")]
    [InlineData(Issuer, "      - storeName: kubernetes\n        defaultAccess: deny\n", "", "Configuration/airis-production-issuer.spec.secrets.scopes")]
    [InlineData(Signer, "      - storeName: kubernetes\n        defaultAccess: deny\n", "", "Configuration/airis-production-signer.spec.secrets.scopes")]
    [InlineData("components/config/production-consul-signer.yaml", "        defaultAccess: deny\n        " + SignerScope, "        " + SignerScope, "Configuration/airis-production-consul-signer.spec.secrets.scopes")]
    [InlineData("components/config/compose-signer.yaml", "defaultAccess: deny", "defaultAccess: allow", "spec.secrets.scopes")]
    [InlineData("components/config/production-consul.yaml", "      - storeName: kubernetes\n        defaultAccess: deny\n", "      - storeName: kubernetes\n        defaultAccess: deny\n        allowedSecrets: [\"airis-redis\"]\n", "Configuration/airis-production-consul.spec.secrets.scopes")]
    [InlineData("components/config/compose.yaml", "defaultAccess: deny", "defaultAccess: allow", "spec.secrets.scopes")]
    public void Rejects_a_configuration_that_does_not_deny_by_default(string file, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(SecretScopeRules), file, fragment, replacement), file, field);

    [Theory]
    [InlineData("      - /config/compose-issuer.yaml\n", "      - /config/compose.yaml\n", "services.alert-service-dapr.command")]
    [InlineData("      - /config/compose.yaml\n", "      - /config/compose-issuer.yaml\n", "services.log-service-dapr.command")]
    [InlineData("      - /config/compose-signer.yaml\n", "      - /config/compose.yaml\n", "services.trace-service-dapr.command")]
    [InlineData("      - /config/compose-signer.yaml\n", "      - /config/compose-issuer.yaml\n", "services.trace-service-dapr.command")]
    [InlineData("      - /config/compose-issuer.yaml\n", "      - /config/compose-signer.yaml\n", "services.alert-service-dapr.command")]
    [InlineData("      - /config/compose-console.yaml\n", "      - /config/compose-signer.yaml\n", "services.console-dapr.command")]
    public void Rejects_a_compose_sidecar_on_the_wrong_configuration(string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(SecretScopeRules), Checks.ComposePath, fragment, replacement), Checks.ComposePath, field);

    [Fact]
    public void Rejects_a_compose_signer_configuration_that_allows_the_key_ring()
    {
        const string file = "components/config/compose-signer.yaml";
        var findings = Checks.Broken(nameof(SecretScopeRules), file, SignerScope, IssuerScope);

        Checks.AssertNames(findings, Checks.ComposePath, "services.trace-service-dapr.command");
        Assert.Contains(findings, f => f.Message == $"'{file}' lets trace-service read 'config-encryption-keys', which only alert-service may read");
    }

    [Theory]
    [InlineData("metrics-service", "resourceNames: [airis-kafka, airis-redis, auth-jwks, auth-signing-key]", "resourceNames: [airis-kafka, auth-jwks, auth-signing-key]", "deployment.yaml", "Deployment/metrics-service.serviceAccountName")]
    [InlineData("alert-service", "      - airis-twilio\n", "", "deployment.yaml", "Deployment/alert-service.serviceAccountName")]
    [InlineData("log-service", "resourceNames: [airis-kafka, airis-redis, auth-jwks]", "resourceNames: [airis-kafka, airis-redis, auth-jwks, auth-signing-key]", "rbac.yaml", "Role/log-service-secrets.rules")]
    [InlineData("trace-service", "verbs: [get]", "verbs: [get, list]", "rbac.yaml", "Role/trace-service-secrets.rules")]
    [InlineData("trace-service", "auth-signing-key]", "auth-signing-key, config-encryption-keys]", "rbac.yaml", "Role/trace-service-secrets.rules")]
    [InlineData("trace-service", ", auth-signing-key]", "]", "deployment.yaml", "Deployment/trace-service.serviceAccountName")]
    [InlineData("alert-service", "      - config-encryption-keys\n", "", "deployment.yaml", "Deployment/alert-service.serviceAccountName")]
    [InlineData("metrics-service", "    resourceNames: [airis-kafka, airis-redis, auth-jwks, auth-signing-key]\n", "", "rbac.yaml", "Role/metrics-service-secrets.rules")]
    public void Rejects_secret_access_that_is_not_exactly_what_the_app_reads(string app, string fragment, string replacement, string named, string field) =>
        Checks.AssertNames(
            Checks.Broken(nameof(RbacRules), $"{DeploymentRulesTests.Base}/{app}/rbac.yaml", fragment, replacement),
            $"{DeploymentRulesTests.Base}/{app}/{named}",
            field);

    [Fact]
    public void Rejects_an_app_on_the_default_service_account() =>
        Checks.AssertNames(
            Checks.Broken(nameof(RbacRules), DeploymentRulesTests.Deployment("alert-service"), "serviceAccountName: alert-service", "serviceAccountName: default"),
            DeploymentRulesTests.Deployment("alert-service"),
            "Deployment/alert-service.serviceAccountName");

    [Theory]
    [InlineData("trace-service", "            - name: DAPR_API_TOKEN\n              valueFrom:\n                secretKeyRef:\n                  name: dapr-api-token\n                  key: token\n", "            - name: DAPR_API_TOKEN\n              value: hunter2\n", "Deployment/trace-service[DAPR_API_TOKEN].value")]
    [InlineData("metrics-service", "              valueFrom:\n                secretKeyRef:\n                  name: airis-clickhouse\n                  key: connection-string\n", "              value: Host=clickhouse;Password=hunter2\n", "Deployment/metrics-service[Metrics__Store__ClickHouseConnectionString].value")]
    public void Rejects_a_plaintext_credential_in_a_deployment(string app, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(PlaintextSecretRules), DeploymentRulesTests.Deployment(app), fragment, replacement), DeploymentRulesTests.Deployment(app), field);

    [Fact]
    public void Rejects_a_committed_secret()
    {
        const string file = "deploy/k8s/base/external-services.yaml";
        const string last = "  externalName: airis-es-http.elastic.svc.cluster.local\n";
        var findings = Checks.Broken(nameof(PlaintextSecretRules), file, last, last + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: airis-redis\nstringData:\n  password: hunter2\n");

        Checks.AssertNames(findings, file, "Secret/airis-redis.data");
    }

    [Fact]
    public void Rejects_a_secret_generator() =>
        Checks.AssertNames(
            Checks.Broken(nameof(PlaintextSecretRules), "deploy/k8s/overlays/production/kustomization.yaml", "patches:\n", "secretGenerator:\n  - name: dapr-api-token\n    literals: [token=hunter2]\npatches:\n"),
            "deploy/k8s/overlays/production/kustomization.yaml",
            "secretGenerator");

    [Theory]
    [InlineData("DAPR_API_TOKEN", true)]
    [InlineData("Metrics__Store__ClickHouseConnectionString", true)]
    [InlineData("CLICKHOUSE_PASSWORD", true)]
    [InlineData("auth-signing-key", true)]
    [InlineData("ASPNETCORE_ENVIRONMENT", false)]
    [InlineData("DAPR_HTTP_PORT", false)]
    public void Credential_names_are_recognised(string name, bool secret) => Assert.Equal(secret, SecretContract.IsSecretLikeName(name));
}
