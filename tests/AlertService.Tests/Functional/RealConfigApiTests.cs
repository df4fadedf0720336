using System.Net;
using System.Text;
using AirisEpm.AlertService.Tests.Domain.Configuration;
using AirisEpm.ServiceDefaults.Security;
using CsCheck;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>A real alertmanager.yml through the API: stored, its unsupported parts answered and shown in the status; bad ones a 400.</summary>
public sealed class RealConfigApiTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    [Fact]
    public async Task A_reference_file_loads_and_its_pagerduty_receivers_are_reported_in_the_answer_and_the_status()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var answer = await ReadAsync(await Put(client, ConfigFixtures.Read(ConfigFixtures.AlertmanagerSimple)), HttpStatusCode.OK);
        var status = await GetAsync(client, "/api/v2/status");

        Assert.Equal(5, answer.GetProperty("receivers").GetArrayLength());
        string[] expected = ["receivers[1].pagerduty_configs", "receivers[3].pagerduty_configs", "receivers[4].pagerduty_configs", "templates"];
        Assert.Equal(expected, answer.GetProperty("notSupported").EnumerateArray().Select(n => n.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(expected, status.GetProperty("notSupported").EnumerateArray().Select(n => n.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("smtp_smarthost: 'localhost:25'", status.GetProperty("config").GetProperty("original").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("password'", status.GetProperty("config").GetProperty("original").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutated_files_are_answered_200_or_a_400_problem_never_a_5xx()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        var documents = ConfigFixtures.Names.Select(ConfigFixtures.Read).ToArray();
        var edit = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100_000], Gen.OneOf("[", "]", ":", "- ", "'", "\"", "~", "&a", "*a", "\n  ", "x=~\"(\"", "-1s"),
            (kind, position, text) => (kind, position, text));
        var samples = Gen.Select(Gen.OneOf(documents), edit.Array[1, 4]).Select(p => ConfigFilePropertyTests.Mutate(p.Item1, p.Item2))
            .Array[150].Single();

        foreach (var yaml in samples)
        {
            var response = await Put(client, yaml);
            if (response.StatusCode == HttpStatusCode.OK) continue;
            var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(ErrorKeys(problem));
        }
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string yaml) =>
        client.PutAsync("/api/v1/alerting/config", new StringContent(yaml, Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);
}
