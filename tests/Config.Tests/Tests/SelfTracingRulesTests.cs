using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>The self-tracing wiring of compose and Kubernetes broken one setting at a time.</summary>
public sealed class SelfTracingRulesTests
{
    private const string Rule = nameof(SelfTracingRules);

    [Theory]
    [InlineData("  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: http://trace-service:8003/v1/traces\n", "  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: http://localhost:8003/v1/traces\n", "services.log-service.environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    [InlineData("  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: http://trace-service:8003\n", "  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: http://trace-service:8003/api/v2/spans\n", "services.alert-service-dapr.environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    [InlineData("  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: http/protobuf\n", "  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: grpc\n", "services.trace-service-dapr.environment.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")]
    [InlineData("  OTEL_EXPORTER_OTLP_INSECURE: \"true\"\n", "", "services.metrics-service-dapr.environment.OTEL_EXPORTER_OTLP_INSECURE")]
    [InlineData("  OTEL_EXPORTER_OTLP_TRACES_HEADERS: dapr-api-token=${APP_API_TOKEN:?set APP_API_TOKEN in .env (copy .env.example)}\n\nx-sidecar-env", "  OTEL_EXPORTER_OTLP_TRACES_HEADERS: dapr-api-token=${DAPR_API_TOKEN:?set DAPR_API_TOKEN in .env (copy .env.example)}\n\nx-sidecar-env", "services.metrics-service.environment.OTEL_EXPORTER_OTLP_TRACES_HEADERS")]
    [InlineData("      <<: [*dapr-tokens, *app-tracing]\n      ASPNETCORE_ENVIRONMENT: Production\n      ASPNETCORE_URLS: http://+:8004", "      <<: *dapr-tokens\n      ASPNETCORE_ENVIRONMENT: Production\n      ASPNETCORE_URLS: http://+:8004", "services.alert-service.environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    public void Rejects_compose_that_does_not_trace_itself(string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(Rule, Checks.ComposePath, fragment, replacement), Checks.ComposePath, field);

    [Theory]
    [InlineData("trace-service", "value: http://trace-service.airis-epm.svc.cluster.local:8003/v1/traces", "value: http://trace-service.airis-epm.svc.cluster.local:8003/api/v2/spans", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    [InlineData("log-service", "value: http://trace-service.airis-epm.svc.cluster.local:8003/v1/traces", "value: http://traces.airis-epm.svc.cluster.local:8003/v1/traces", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    [InlineData("metrics-service", "value: dapr-api-token=$(APP_API_TOKEN)", "value: dapr-api-token=$(DAPR_API_TOKEN)", "OTEL_EXPORTER_OTLP_TRACES_HEADERS")]
    public void Rejects_a_deployment_that_does_not_trace_itself(string app, string fragment, string replacement, string variable)
    {
        var file = DeploymentRulesTests.Deployment(app);
        var findings = Checks.Broken(Rule, file, fragment, replacement);
        Assert.Contains(findings, f => f.File == file && f.Field.EndsWith(".env." + variable, StringComparison.Ordinal));
    }
}
