using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>dapr.yaml broken one way at a time.</summary>
public sealed class RunFileRulesTests
{
    [Theory]
    [InlineData("version: 1", "version: 2", "version")]
    [InlineData("  resourcesPaths:\n    - ./components/local\n", "  resourcesPaths: ./components/local\n", "common.resourcesPaths")]
    [InlineData("  resourcesPaths:\n    - ./components/local\n", "  resourcesPath: ./components/local\n", "common.resourcesPath")]
    [InlineData("    - ./components/local\n", "    - ./components/locall\n", "common.resourcesPaths")]
    [InlineData("configFilePath: ./components/config/local.yaml", "configFilePath: ./components/config/missing.yaml", "common.configFilePath")]
    [InlineData("appDirPath: ./services/MetricsService", "appDirPath: ./services/MetricService", "apps[metrics-service].appDirPath")]
    [InlineData("appDirPath: ./services/LogService", "appDirPath: ./components", "apps[log-service].appDirPath")]
    [InlineData("appPort: 8001", "appPort: eighty", "apps[metrics-service].appPort")]
    [InlineData("    daprGRPCPort: 50003\n", "", "apps[trace-service].daprGRPCPort")]
    [InlineData("daprHTTPPort: 3502", "daprHTTPPort: 3501", "apps[log-service].daprHTTPPort")]
    [InlineData("\"http://localhost:8002\"", "\"http://localhost:8012\"", "apps[log-service].command")]
    [InlineData("\"--\", \"--urls\", \"http://localhost:8004\"]", "]", "apps[alert-service].command")]
    [InlineData("appHealthCheckPath: /healthz", "appHealthCheckPath: /health", "apps[metrics-service].appHealthCheckPath")]
    [InlineData("enableAppHealthCheck: true", "enableAppHealthCheck: false", "apps[trace-service].enableAppHealthCheck")]
    [InlineData("appID: alert-service", "appID: alerts", "apps[alerts].appID")]
    [InlineData("appID: alert-service", "appID: alerts", "apps")]
    [InlineData("appID: console", "appID: web", "apps")]
    [InlineData("\"http://localhost:8000\"", "\"http://localhost:8080\"", "apps[console].command")]
    [InlineData("daprHTTPPort: 3500", "daprHTTPPort: 3504", "apps[console].daprHTTPPort")]
    public void Rejects_a_broken_run_file(string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(RunFileRules), Checks.RunFilePath, fragment, replacement), Checks.RunFilePath, field);
}
