using System.Net;
using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// A recording rule's stale markers reach the real metrics-service (remote_write through the sidecars) and end its
/// series there, as in Prometheus: a series the rule stops returning is gone from instant queries at once instead of
/// lingering for the 5-minute lookback, and deleting the rule file ends the rest.
/// </summary>
public sealed class RecordingRuleStalenessTests(MetricRuleFixture fixture) : IClassFixture<MetricRuleFixture>
{
    private const string RuleFile = """
        groups:
          - name: heat
            interval: 1s
            rules:
              - record: e2e_hot
                expr: e2e_temperature > 50
        """;

    [Fact]
    public async Task A_series_the_rule_stops_returning_ends_at_once_and_deleting_the_file_ends_the_rest()
    {
        using var alerts = fixture.Alerts.CreateClient().WithToken(Permissions.AlertsRead, Permissions.AlertsWrite);
        using var metrics = fixture.Metrics.CreateClient().WithToken(Permissions.MetricsWrite, Permissions.MetricsRead);
        var loaded = await alerts.PutYamlAsync("/api/v1/rules/files/heat", RuleFile);
        Assert.True(loaded.StatusCode == HttpStatusCode.Created, await loaded.Content.ReadAsStringAsync(Http.Ct));

        await IngestAsync(metrics, ("a", 60), ("b", 70));
        await EvaluateUntilAsync(metrics, ["a", "b"], "both series recorded");

        await IngestAsync(metrics, ("b", 10));
        await EvaluateUntilAsync(metrics, ["a"], "e2e_hot{instance=\"b\"} ended by its stale marker, well inside the 5-minute lookback");
        var counted = await (await metrics.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString("count_over_time(e2e_hot{instance=\"b\"}[10m])"), Http.Ct)).JsonAsync();
        Assert.Single(counted.GetProperty("data").GetProperty("result").EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await alerts.DeleteAsync("/api/v1/rules/files/heat", Http.Ct)).StatusCode);
        await Eventually.TrueAsync(() => Recorded(metrics).Count == 0, TimeSpan.FromSeconds(20), what: "e2e_hot{instance=\"a\"} ended when its group was removed");
    }

    private static async Task IngestAsync(HttpClient metrics, params (string Instance, double Value)[] samples)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ingested = await metrics.PostJsonAsync("/api/v1/metrics", new
        {
            metrics = samples.Select(s => new
            {
                name = "e2e_temperature",
                value = s.Value,
                timestamp = now,
                type = "gauge",
                labels = new Dictionary<string, string> { ["instance"] = s.Instance },
            }).ToArray(),
        });
        Assert.True(ingested.IsSuccessStatusCode, await ingested.Content.ReadAsStringAsync(Http.Ct));
    }

    /// <summary>Moves the mesh clock one group interval per round (the group's reminder fires) until the recorded instances are <paramref name="expected"/>.</summary>
    private async Task EvaluateUntilAsync(HttpClient metrics, string[] expected, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Recorded(metrics).SequenceEqual(expected))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; recorded: [{string.Join(", ", Recorded(metrics))}]");
            fixture.Environment.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(250, Http.Ct);
        }
    }

    private static List<string> Recorded(HttpClient metrics)
    {
        var answer = metrics.GetStringAsync("/api/v1/query?query=e2e_hot", Http.Ct).GetAwaiter().GetResult();
        using var json = JsonDocument.Parse(answer);
        return [.. json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(s => s.GetProperty("metric").GetProperty("instance").GetString()!).Order(StringComparer.Ordinal)];
    }
}
