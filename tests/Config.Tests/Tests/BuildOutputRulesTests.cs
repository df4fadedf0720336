using AirisEpm.Config.Tests.Rules;

namespace AirisEpm.Config.Tests.Tests;

/// <summary>dapr.yaml's commands made to share a build output again, one way at a time.</summary>
public sealed class BuildOutputRulesTests
{
    [Theory]
    [InlineData("\"--artifacts-path\", \"../../.artifacts/alert-service\", ", "", "apps[alert-service].command")]
    [InlineData("\"--artifacts-path\", \"../../.artifacts/trace-service\", \"--\"", "\"--\", \"--artifacts-path\", \"../../.artifacts/trace-service\"", "apps[trace-service].command")]
    [InlineData("../../.artifacts/log-service", "../../.artifacts/metrics-service", "apps[log-service].command")]
    [InlineData("../../.artifacts/trace-service", "../../.artifacts", "apps[trace-service].command")]
    [InlineData("../../.artifacts/alert-service", "../../.artifacts/metrics-service/alert", "apps[alert-service].command")]
    public void Rejects_commands_sharing_a_build_output(string fragment, string replacement, string field) =>
        Checks.AssertNames(Checks.Broken(nameof(BuildOutputRules), Checks.RunFilePath, fragment, replacement), Checks.RunFilePath, field);

    [Fact]
    public void Rejects_build_outputs_git_does_not_ignore() =>
        Checks.AssertNames(Checks.Broken(nameof(BuildOutputRules), BuildOutputRules.GitIgnore, ".artifacts/\n", ""), BuildOutputRules.GitIgnore, ".artifacts/");
}
