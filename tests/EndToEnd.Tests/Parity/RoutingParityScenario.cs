using System.Diagnostics;

namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>
/// The routing features the first scenario leaves out: <c>continue: true</c>, <c>group_by: ['...']</c>, a
/// per-route <c>group_by</c>, and <c>mute_time_intervals</c>/<c>active_time_intervals</c> naming top-level
/// <c>time_intervals</c> (one that always covers now, one that never does). Every receiver is a webhook on its own
/// path of the same listener; the payload's <c>receiver</c> tells them apart.
/// <code>
///  0.0  DbDown d1, d2 and DbSlow d3 (team db); WebErr w1 (warning), w2 (critical) (team web); BatchLate b1 (team batch); Orphan o1
///  1.5  all re-sent;  4.0  d1 and w1 resolved, the others re-sent;  7.0  re-sent;  the scenario ends at 9.5
/// </code>
/// Alertmanager notifies: db (by alertname, then continue) DbDown at 1 [d1 d2], 5 [d1 resolved, d2], DbSlow at 1 [d3];
/// dba (group_by ['...']: one group per alert) d1 at 1 and 5 resolved, d2 at 1, d3 at 1; web-active (by team) at 1 [w1 w2],
/// 5 [w1 resolved, w2]; fallback Orphan at 1 [o1]; web-muted (muted by "always") and batch (active only "never") nothing.
/// </summary>
internal static class RoutingParityScenario
{
    public const string Config = """
        route:
          receiver: fallback
          group_by: [alertname]
          group_wait: 1s
          group_interval: 2s
          repeat_interval: 1h
          routes:
            - matchers: [team="db"]
              receiver: db
              continue: true
            - matchers: [team="db"]
              receiver: dba
              group_by: ['...']
            - matchers: [team="web"]
              receiver: web-muted
              mute_time_intervals: [always]
              continue: true
            - matchers: [team="web"]
              receiver: web-active
              group_by: [team]
              active_time_intervals: [always]
            - matchers: [team="batch"]
              receiver: batch
              active_time_intervals: [never]
        time_intervals:
          - name: always
            time_intervals:
              - weekdays: ['sunday:saturday']
          - name: never
            time_intervals:
              - years: ['2000']
        receivers:
          - name: fallback
            webhook_configs: [{ url: URLfallback, send_resolved: true }]
          - name: db
            webhook_configs: [{ url: URLdb, send_resolved: true }]
          - name: dba
            webhook_configs: [{ url: URLdba, send_resolved: true }]
          - name: web-muted
            webhook_configs: [{ url: URLweb-muted, send_resolved: true }]
          - name: web-active
            webhook_configs: [{ url: URLweb-active, send_resolved: true }]
          - name: batch
            webhook_configs: [{ url: URLbatch, send_resolved: true }]
        """;

    /// <summary>What Alertmanager 0.25 sends for this scenario: the test first checks that it did.</summary>
    public const int ExpectedNotifications = 10;

    public static readonly TimeSpan End = TimeSpan.FromSeconds(9.5);

    private static readonly Dictionary<string, string>[] Alerts =
    [
        Labels("DbDown", "d1", "db"), Labels("DbDown", "d2", "db"), Labels("DbSlow", "d3", "db"),
        Labels("WebErr", "w1", "web", "warning"), Labels("WebErr", "w2", "web", "critical"),
        Labels("BatchLate", "b1", "batch"), Labels("Orphan", "o1", null),
    ];

    public static async Task RunAsync(Stopwatch clock, IReadOnlyList<HttpClient> targets, CancellationToken ct)
    {
        clock.Restart();
        await ParityScenario.PostAsync(targets, Alerts.Select(ParityScenario.Firing), ct);
        await ParityScenario.UntilAsync(clock, 1.5, ct);
        await ParityScenario.PostAsync(targets, Alerts.Select(ParityScenario.Firing), ct);
        await ParityScenario.UntilAsync(clock, 4.0, ct);
        var resolved = new[] { Alerts[0], Alerts[3] };
        await ParityScenario.PostAsync(targets, resolved.Select(ParityScenario.Resolved).Concat(Alerts.Except(resolved).Select(ParityScenario.Firing)), ct);
        await ParityScenario.UntilAsync(clock, 7.0, ct);
        await ParityScenario.PostAsync(targets, Alerts.Except(resolved).Select(ParityScenario.Firing), ct);
        await ParityScenario.UntilAsync(clock, End.TotalSeconds, ct);
    }

    private static Dictionary<string, string> Labels(string alertname, string instance, string? team, string severity = "warning")
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alertname, ["instance"] = instance, ["severity"] = severity };
        if (team is not null) labels["team"] = team;
        return labels;
    }
}
