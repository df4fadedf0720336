using System.Diagnostics;
using System.Net.Http.Json;

namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>
/// The timed sequence both systems receive, posted to both at the same moment (times since the first post):
/// <code>
///  0.0  silence alertname=Silenced (before); HighLatency a, b (warning); DiskFull d1 (critical, cluster c1);
///       DiskWarn d2 (warning, cluster c1: inhibited by d1); Silenced s1
///  1.5  HighLatency c; every alert of 0.0 re-sent, as Prometheus re-sends
///  4.0  HighLatency a and DiskFull d1 resolved; the others re-sent
///  7.0  re-sent; 10.0 re-sent; the scenario ends at 12.5
/// </code>
/// With group_wait 1s, group_interval 2s, repeat_interval 5s, Alertmanager notifies: HighLatency at 1 [a b],
/// 3 [a b c], 5 [a resolved, b c], 11 [b c] (the repeat); DiskFull at 1 [d1], 5 resolved [d1]; DiskWarn at 5 [d2]
/// once d1 no longer inhibits it, 11 [d2] (the repeat); Silenced never.
/// </summary>
internal static class ParityScenario
{
    public const string Config = """
        route:
          receiver: hook
          group_by: [alertname]
          group_wait: 1s
          group_interval: 2s
          repeat_interval: 5s
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_matchers: [severity="warning"]
            equal: [cluster]
        receivers:
          - name: hook
            webhook_configs:
              - url: URL
                send_resolved: true
        """;

    public const int ExpectedNotifications = 8;

    public static readonly TimeSpan End = TimeSpan.FromSeconds(12.5);

    private static readonly Dictionary<string, string>[] FirstAlerts =
    [
        Labels("HighLatency", "a", "warning"), Labels("HighLatency", "b", "warning"),
        Labels("DiskFull", "d1", "critical", "c1"), Labels("DiskWarn", "d2", "warning", "c1"), Labels("Silenced", "s1", "warning"),
    ];

    private static readonly Dictionary<string, string> Late = Labels("HighLatency", "c", "warning");

    public static object Silence() => new
    {
        matchers = new[] { new { name = "alertname", value = "Silenced", isRegex = false, isEqual = true } },
        startsAt = DateTimeOffset.UtcNow,
        endsAt = DateTimeOffset.UtcNow.AddHours(1),
        createdBy = "parity test",
        comment = "mutes the Silenced group on both",
    };

    /// <summary>Runs the sequence against every client at once (each posting to <c>api/v2/alerts</c> under its own base).</summary>
    public static async Task RunAsync(Stopwatch clock, IReadOnlyList<HttpClient> targets, CancellationToken ct)
    {
        clock.Restart();
        await PostAsync(targets, FirstAlerts.Select(Firing), ct);
        await UntilAsync(clock, 1.5, ct);
        await PostAsync(targets, FirstAlerts.Append(Late).Select(Firing), ct);
        await UntilAsync(clock, 4.0, ct);
        var resolved = new[] { FirstAlerts[0], FirstAlerts[2] };
        await PostAsync(targets, resolved.Select(Resolved).Concat(FirstAlerts.Except(resolved).Append(Late).Select(Firing)), ct);
        foreach (var at in new[] { 7.0, 10.0 })
        {
            await UntilAsync(clock, at, ct);
            await PostAsync(targets, FirstAlerts.Except(resolved).Append(Late).Select(Firing), ct);
        }

        await UntilAsync(clock, End.TotalSeconds, ct);
    }

    public static async Task PostAsync(IReadOnlyList<HttpClient> targets, IEnumerable<object> alerts, CancellationToken ct)
    {
        var body = alerts.ToArray();
        var answers = await Task.WhenAll(targets.Select(t => t.PostAsJsonAsync("api/v2/alerts", body, ct)));
        foreach (var answer in answers)
        {
            Assert.True(answer.IsSuccessStatusCode, $"{answer.RequestMessage?.RequestUri}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(ct)}");
        }
    }

    public static Task UntilAsync(Stopwatch clock, double seconds, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromSeconds(Math.Max(0, seconds - clock.Elapsed.TotalSeconds)), ct);

    public static object Firing(Dictionary<string, string> labels) => new { labels, annotations = new { summary = labels["alertname"] } };

    public static object Resolved(Dictionary<string, string> labels) =>
        new { labels, annotations = new { summary = labels["alertname"] }, endsAt = DateTimeOffset.UtcNow };

    private static Dictionary<string, string> Labels(string alertname, string instance, string severity, string? cluster = null)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alertname, ["instance"] = instance, ["severity"] = severity };
        if (cluster is not null) labels["cluster"] = cluster;
        return labels;
    }
}
