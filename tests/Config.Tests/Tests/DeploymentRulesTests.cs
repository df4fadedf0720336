using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>The Deployments under deploy/k8s broken one way at a time: Dapr annotations, pod spec, Service and scaling.</summary>
public sealed class DeploymentRulesTests
{
    public const string Base = "deploy/k8s/base";

    [Theory]
    [InlineData("metrics-service", "dapr.io/enabled: \"true\"", "dapr.io/enabled: \"false\"", "annotations[dapr.io/enabled]")]
    [InlineData("log-service", "        dapr.io/app-token-secret: dapr-app-token\n", "", "annotations[dapr.io/app-token-secret]")]
    [InlineData("trace-service", "dapr.io/api-token-secret: dapr-api-token", "dapr.io/api-token-secret: api-token", "annotations[dapr.io/api-token-secret]")]
    [InlineData("alert-service", "dapr.io/enable-metrics: \"true\"", "dapr.io/enable-metrics: \"false\"", "annotations[dapr.io/enable-metrics]")]
    [InlineData("metrics-service", "        dapr.io/log-as-json: \"true\"\n", "", "annotations[dapr.io/log-as-json]")]
    [InlineData("metrics-service", "        dapr.io/disable-builtin-k8s-secret-store: \"true\"\n", "", "annotations[dapr.io/disable-builtin-k8s-secret-store]")]
    [InlineData("log-service", "dapr.io/app-port: \"8002\"", "dapr.io/app-port: \"8012\"", "annotations[dapr.io/app-port]")]
    [InlineData("trace-service", "dapr.io/app-id: trace-service", "dapr.io/app-id: traces", "annotations[dapr.io/app-id]")]
    [InlineData("alert-service", "dapr.io/config: airis-production-issuer", "dapr.io/config: airis-issuer", "annotations[dapr.io/config]")]
    [InlineData("trace-service", "dapr.io/config: airis-production-signer", "dapr.io/config: airis-signer", "annotations[dapr.io/config]")]
    [InlineData("metrics-service", "containerPort: 8001", "containerPort: 8011", "containers")]
    public void Rejects_broken_dapr_annotations(string app, string fragment, string replacement, string field) =>
        AssertDeployment(nameof(DaprAnnotationRules), app, fragment, replacement, field);

    [Fact]
    public void Rejects_an_app_port_that_compose_gives_otherwise() =>
        Checks.AssertNames(
            Checks.Broken(nameof(DaprAnnotationRules), Checks.ComposePath, "      - -app-port\n      - \"8001\"\n", "      - -app-port\n      - \"8011\"\n"),
            Deployment("metrics-service"),
            "Deployment/metrics-service.annotations[dapr.io/app-port]");

    [Fact]
    public void Rejects_an_app_without_a_deployment() =>
        Checks.AssertNames(
            Checks.Broken(nameof(DaprAnnotationRules), Deployment("trace-service"), "dapr.io/app-id: trace-service", "dapr.io/app-id: traces"),
            "deploy/k8s/overlays/production",
            "Deployment");

    [Fact]
    public void Rejects_an_app_whose_configuration_is_not_applied() =>
        Checks.AssertNames(
            Checks.Broken(nameof(DaprAnnotationRules), "components/kustomization.yaml", "  - config/production-signer.yaml\n", ""),
            Deployment("trace-service"),
            "Deployment/trace-service.annotations[dapr.io/config]");

    [Fact]
    public void Rejects_a_component_scoped_to_an_app_not_deployed() =>
        Checks.AssertNames(
            Checks.Broken(nameof(DaprAnnotationRules), "components/production/email.yaml", "  - alert-service", "  - reporting-service"),
            "components/production/email.yaml",
            "Component/email.scopes");

    [Theory]
    [InlineData("metrics-service", "value: Production", "value: Development", "env[ASPNETCORE_ENVIRONMENT]")]
    [InlineData("log-service", "name: dapr-app-token\n                  key: token", "name: dapr-api-token\n                  key: token", "env[APP_API_TOKEN]")]
    [InlineData("trace-service", "name: dapr-api-token\n                  key: token", "name: dapr-api-token\n                  key: value", "env[DAPR_API_TOKEN]")]
    [InlineData("alert-service", "livenessProbe:\n            httpGet:\n              path: /healthz", "livenessProbe:\n            httpGet:\n              path: /health", "livenessProbe")]
    [InlineData("metrics-service", "readinessProbe:\n            httpGet:\n              path: /healthz\n              port: http", "readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 9090", "readinessProbe")]
    [InlineData("log-service", "              memory: 1Gi\n", "", "resources.limits.memory")]
    [InlineData("trace-service", "              cpu: 250m\n", "", "resources.requests.cpu")]
    [InlineData("trace-service", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "securityContext.readOnlyRootFilesystem")]
    [InlineData("alert-service", "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", "securityContext.allowPrivilegeEscalation")]
    [InlineData("metrics-service", "              drop: [ALL]", "              drop: [NET_RAW]", "securityContext.capabilities.drop")]
    [InlineData("log-service", "            runAsNonRoot: true\n            allowPrivilegeEscalation", "            runAsNonRoot: false\n            allowPrivilegeEscalation", "securityContext.runAsNonRoot")]
    [InlineData("trace-service", "          emptyDir:\n            sizeLimit: 256Mi", "          hostPath:\n            path: /tmp", "volumeMounts[/tmp]")]
    public void Rejects_a_broken_pod_spec(string app, string fragment, string replacement, string field) =>
        AssertDeployment(nameof(PodSpecRules), app, fragment, replacement, $"containers[{app}].{field}");

    [Theory]
    [InlineData("trace-service", "service.yaml", "      port: 8003", "      port: 80", "Service")]
    [InlineData("metrics-service", "service.yaml", "  selector:\n    app.kubernetes.io/name: metrics-service", "  selector:\n    app.kubernetes.io/name: metrics", "Service")]
    [InlineData("log-service", "scaling.yaml", "    kind: Deployment\n    name: log-service", "    kind: Deployment\n    name: logs", "HorizontalPodAutoscaler")]
    [InlineData("metrics-service", "scaling.yaml", "  maxUnavailable: 1\n", "", "PodDisruptionBudget")]
    public void Rejects_a_deployment_without_its_service_or_scaling(string app, string file, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(WorkloadRules), $"{Base}/{app}/{file}", fragment, replacement), Deployment(app), $"Deployment/{app}.{field}");

    [Fact]
    public void Rejects_a_replica_count_under_an_autoscaler() =>
        Checks.AssertNames(
            Checks.Broken(nameof(WorkloadRules), Deployment("log-service"), "  selector:\n    matchLabels:", "  replicas: 3\n  selector:\n    matchLabels:"),
            Deployment("log-service"),
            "Deployment/log-service.spec.replicas");

    [Fact]
    public void Rejects_an_autoscaler_that_may_go_down_to_one_pod() =>
        Checks.AssertNames(
            Checks.Broken(nameof(WorkloadRules), $"{Base}/alert-service/scaling.yaml", "minReplicas: 2", "minReplicas: 1"),
            $"{Base}/alert-service/scaling.yaml",
            "HorizontalPodAutoscaler/alert-service.spec.minReplicas");

    [Fact]
    public void Rejects_a_trace_endpoint_that_is_no_service() =>
        Checks.AssertNames(
            Checks.Broken(nameof(WorkloadRules), "components/config/production.yaml", "trace-service.airis-epm.svc", "traces.airis-epm.svc"),
            "components/config/production.yaml",
            "Configuration/airis-production.spec.tracing.otel.endpointAddress");

    public static string Deployment(string app) => $"{Base}/{app}/deployment.yaml";

    private static void AssertDeployment(string rule, string app, string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(rule, Deployment(app), fragment, replacement), Deployment(app), $"Deployment/{app}.{field}");
}
