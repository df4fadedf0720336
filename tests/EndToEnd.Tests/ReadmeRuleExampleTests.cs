using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>The rule the README shows is one alert-service accepts and evaluates.</summary>
public sealed partial class ReadmeRuleExampleTests(MetricRuleFixture fixture) : IClassFixture<MetricRuleFixture>
{
    [Fact]
    public async Task The_readme_rule_is_created_and_its_state_is_readable()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"), Http.Ct);
        var body = RuleBody().Match(readme).Groups[1].Value;
        using var alerts = fixture.Alerts.Client(Permissions.AlertsRead, Permissions.AlertsWrite);

        using var created = await alerts.PostAsync("/api/v1/rules", new StringContent(body, Encoding.UTF8, "application/json"), Http.Ct);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        using var state = await alerts.GetAsync($"/api/v1/rules/{id}/state", Http.Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("inactive", (await state.JsonAsync()).GetProperty("phase").GetString());
    }

    [GeneratedRegex(@"/api/v1/rules -H .*?-d '(\{.*?\})'", RegexOptions.Singleline)]
    private static partial Regex RuleBody();
}
