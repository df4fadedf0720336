using AirisEpm.Config.Tests.Model;
using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>Resiliency targets and policies; sidecar Configuration (tracing to trace-service, metrics).</summary>
public sealed class ResiliencyAndConfigurationRulesTests
{
    [Theory]
    [InlineData("components/local/resiliency.yaml", "      metrics-service:\n", "      metric-service:\n", "spec.targets.apps.metric-service")]
    [InlineData("components/compose/resiliency.yaml", "      sms:\n", "      pager:\n", "spec.targets.components.pager")]
    [InlineData("components/production/resiliency.yaml", "circuitBreaker: channel", "circuitBreaker: chanel", "spec.targets.components.email.outbound.circuitBreaker")]
    [InlineData("components/local/resiliency.yaml", "          timeout: publish", "          timeout: publishing", "spec.targets.components.pubsub.outbound.timeout")]
    [InlineData("components/local/resiliency.yaml", "          retry: delivery", "          retry: deliver", "spec.targets.components.pubsub.inbound.retry")]
    [InlineData("components/local/resiliency.yaml", "      delivery:\n        policy: exponential\n", "      delivery:\n        policy: exponential\n        initialInterval: 200ms\n", "spec.policies.retries.delivery.initialInterval")]
    [InlineData("components/compose/resiliency.yaml", "      delivery:\n        policy: exponential\n", "      delivery:\n        policy: linear\n", "spec.policies.retries.delivery.policy")]
    public void Rejects_broken_resiliency(string file, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ResiliencyRules), file, fragment, replacement), file, field);

    [Fact]
    public void Rejects_an_environment_without_resiliency()
    {
        var environment = ResourceEnvironment.Load(Repo.Current, "components/compose");
        var withoutResiliency = environment with { Resources = environment.Resources.Where(r => r.Kind != "Resiliency").ToList() };

        Checks.AssertNames(ResiliencyRules.Check(withoutResiliency).ToList(), "components/compose", "kind");
    }

    [Theory]
    [InlineData("components/config/local.yaml", "samplingRate: \"1\"", "samplingRate: \"0.5\"", "spec.tracing.samplingRate")]
    [InlineData("components/config/local.yaml", "http://localhost:8003/api/v2/spans", "http://localhost:9411/api/v2/spans", "spec.tracing.zipkin.endpointAddress")]
    [InlineData("components/config/compose.yaml", "  tracing:\n", "  tracing:\n    zipkin:\n      endpointAddress: http://trace-service:8003/api/v2/spans\n", "spec.tracing.zipkin")]
    [InlineData("components/config/production.yaml", "trace-service.airis-epm.svc.cluster.local:8003", "trace-service:8003", "spec.tracing.otel.endpointAddress")]
    [InlineData("components/config/production-consul.yaml", "cluster.local:8003", "cluster.local:8003/v1/traces", "spec.tracing.otel.endpointAddress")]
    [InlineData("components/config/production.yaml", "protocol: http", "protocol: grpc", "spec.tracing.otel.protocol")]
    [InlineData("components/config/production-issuer.yaml", "isSecure: false", "isSecure: true", "spec.tracing.otel.isSecure")]
    [InlineData("components/config/production.yaml", "name: dapr-app-token", "name: dapr-api-token", "spec.tracing.otel.headers")]
    [InlineData("components/config/compose.yaml", "    enabled: true", "    enabled: false", "spec.metric.enabled")]
    [InlineData("components/config/production.yaml", "kind: Configuration", "kind: Component", "kind")]
    public void Rejects_broken_sidecar_configuration(string file, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(ConfigurationRules), file, fragment, replacement), file, field);
}
