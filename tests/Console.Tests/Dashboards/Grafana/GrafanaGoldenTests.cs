using System.Text.Json;
using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.Grafana;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>
/// Each fixture's whole import against its reviewed <c>.expected.json</c>. After a deliberate change to the mapping, run
/// with AIRIS_UPDATE_GOLDEN=1 to rewrite the expected files, and review their diff like code.
/// </summary>
public sealed class GrafanaGoldenTests
{
    [Theory]
    [InlineData("rows-schema14")]
    [InlineData("modern-schema39")]
    [InlineData("mixed-datasources")]
    public void The_import_of_each_fixture_is_the_reviewed_one(string name)
    {
        var import = GrafanaFixtures.ImportFixture(name);
        Assert.Empty(import.Errors);
        Assert.True(new DashboardValidator().Validate(import.Dashboard!).IsValid);

        var actual = JsonSerializer.Serialize(new GrafanaImportResponse(import.Dashboard!, import.Unmapped), GrafanaFixtures.Json) + "\n";
        var path = Path.Combine(GrafanaFixtures.Folder, name + ".expected.json");
        if (Environment.GetEnvironmentVariable("AIRIS_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);

        Assert.Equal(File.ReadAllText(path), actual);
    }
}
