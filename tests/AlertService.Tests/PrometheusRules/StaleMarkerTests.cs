using System.Net;
using System.Text;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Rules.Prometheus;
using AirisEpm.PromQl.Model;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>
/// Stale markers for what rules write, as Prometheus's rule manager writes them: for a series a rule no longer returns,
/// for the series of a rule removed from its group and of a group removed from its file, and for an alert's ALERTS
/// series once it stops being pending or firing; none when an evaluation fails.
/// </summary>
public sealed class StaleMarkerTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string File = """
        groups:
          - name: g
            rules:
              - record: hot
                expr: temperature > 50
              - record: cold
                expr: temperature < 0
              - alert: Hot
                expr: temperature > 80
          - name: other
            rules:
              - record: warm
                expr: temperature > 20
        """;

    private static readonly GroupRef G = new("f", "g");
    private static readonly GroupRef Other = new("f", "other");

    [Fact]
    public async Task A_series_a_rule_no_longer_returns_gets_one_stale_marker_at_the_evaluation_time()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        await ReadAsync(await Put(client, File), HttpStatusCode.Created);
        factory.Queries.Answer = (expr, _) => expr == "temperature > 50" ? Answer(("a", 60), ("b", 90)) : expr == "temperature > 80" ? Answer(("b", 90)) : Answer();
        await factory.Scheduler.EvaluateNowAsync(G, Ct);
        Assert.Empty(Stale(factory));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var t1 = Now(factory);
        factory.Queries.Answer = (expr, _) => expr == "temperature > 50" ? Answer(("a", 70)) : Answer();
        await factory.Scheduler.EvaluateNowAsync(G, Ct);

        // hot{b} left the recording rule's output, and the Hot alert resolved: its ALERTS and ALERTS_FOR_STATE series end.
        Assert.Equal(["ALERTS_FOR_STATE{alertname=Hot,instance=b}", "ALERTS{alertname=Hot,alertstate=firing,instance=b}", "hot{instance=b}"], Stale(factory, t1));
        Assert.All(factory.Writes.Written.Where(w => StaleMarker.IsStale(w.Sample.Value)), w => Assert.Equal(StaleMarker.Bits, BitConverter.DoubleToUInt64Bits(w.Sample.Value)));
        Assert.Contains(factory.Writes.Written, w => w.Timestamp == t1 && Key(w.Sample) == "hot{instance=a}" && w.Sample.Value == 70);

        // Once marked, a series is not marked again; a failed evaluation marks nothing and keeps what it compares with.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        factory.Queries.Answer = (_, _) => PromQueryAnswer.Failed("metrics-service answered 503");
        await factory.Scheduler.EvaluateNowAsync(G, Ct);
        Assert.Empty(Stale(factory, Now(factory)));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        factory.Queries.Answer = (_, _) => Answer();
        await factory.Scheduler.EvaluateNowAsync(G, Ct);
        Assert.Equal(["hot{instance=a}"], Stale(factory, Now(factory)));
    }

    [Fact]
    public async Task The_series_of_a_removed_rule_and_of_a_removed_group_end_with_a_stale_marker()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        await ReadAsync(await Put(client, File), HttpStatusCode.Created);
        factory.Queries.Answer = (expr, _) => expr switch
        {
            "temperature > 50" => Answer(("a", 60)),
            "temperature < 0" => Answer(("c", -5)),
            "temperature > 20" => Answer(("a", 60), ("w", 30)),
            _ => Answer(),
        };
        await factory.Scheduler.EvaluateNowAsync(G, Ct);
        await factory.Scheduler.EvaluateNowAsync(Other, Ct);

        // The file loses the rule "cold" and the group "other".
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var t1 = Now(factory);
        var withoutCold = File.Replace("      - record: cold\n        expr: temperature < 0\n", "", StringComparison.Ordinal);
        await ReadAsync(await Put(client, withoutCold[..withoutCold.IndexOf("  - name: other", StringComparison.Ordinal)]), HttpStatusCode.OK);
        Assert.Equal(["warm{instance=a}", "warm{instance=w}"], Stale(factory, t1));

        await factory.Scheduler.EvaluateNowAsync(G, Ct);
        Assert.Equal(["cold{instance=c}", "warm{instance=a}", "warm{instance=w}"], Stale(factory, t1));
        Assert.Empty((await factory.Scheduler.GetStateAsync(G, Ct)).StaleSeries);

        // Deleting the file ends the series of the groups it still had.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/rules/files/f", Ct)).StatusCode);
        Assert.Equal(["hot{instance=a}"], Stale(factory, Now(factory)));
    }

    [Fact]
    public async Task Markers_skip_a_series_already_written_at_the_timestamp_and_removed_rules_wait_for_a_write_that_works()
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var current = RuleStaleness.Written([Sample("hot", "a", 1)], written);
        var markers = RuleStaleness.Markers([Labels("hot", "a"), Labels("hot", "b"), Labels("hot", "b")], written);
        Assert.Equal(["hot{instance=b}"], markers.Select(Key));
        Assert.Equal(["hot{instance=a}"], current.Select(l => Key(new PromSample(l, 0))));

        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        await ReadAsync(await Put(client, File), HttpStatusCode.Created);
        factory.Queries.Answer = (expr, _) => expr == "temperature < 0" ? Answer(("c", -5)) : Answer();
        await factory.Scheduler.EvaluateNowAsync(G, Ct);
        await ReadAsync(await Put(client, File.Replace("      - record: cold\n        expr: temperature < 0\n", "", StringComparison.Ordinal)), HttpStatusCode.OK);
        factory.Writes.FailWith = "metrics-service unreachable";
        var failed = await factory.Scheduler.EvaluateNowAsync(G, Ct);
        Assert.Equal(["c"], failed.StaleSeries.Select(s => s["instance"]));
        factory.Writes.FailWith = null;
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty((await factory.Scheduler.EvaluateNowAsync(G, Ct)).StaleSeries);
        Assert.Equal(["cold{instance=c}"], Stale(factory, Now(factory)));
    }

    private static DateTimeOffset Now(PromRulesFactory factory) => DateTimeOffset.FromUnixTimeMilliseconds(factory.Clock.GetUtcNow().ToUnixTimeMilliseconds());

    private static PromQueryAnswer Answer(params (string Instance, double Value)[] samples) =>
        PromQueryAnswer.Of([.. samples.Select(s => new PromSample(new Dictionary<string, string> { ["instance"] = s.Instance }, s.Value))]);

    private static Dictionary<string, string> Labels(string name, string instance) => new() { ["__name__"] = name, ["instance"] = instance };

    private static PromSample Sample(string name, string instance, double value) => new(Labels(name, instance), value);

    private static string Key(PromSample sample) =>
        $"{sample.Labels["__name__"]}{{{string.Join(',', sample.Labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}}}";

    private static List<string> Stale(PromRulesFactory factory, DateTimeOffset? at = null) =>
        [.. factory.Writes.Written.Where(w => StaleMarker.IsStale(w.Sample.Value) && (at is null || w.Timestamp == at)).Select(w => Key(w.Sample)).Order(StringComparer.Ordinal)];

    private static Task<HttpResponseMessage> Put(HttpClient client, string yaml) =>
        client.PutAsync("/api/v1/rules/files/f", new StringContent(yaml, Encoding.UTF8, "application/yaml"), Ct);
}
