using System.Diagnostics;

namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>
/// <c>send_resolved: false</c> beside <c>max_alerts</c>: every alert goes to two webhook receivers (<c>continue: true</c>),
/// both capped at 2 alerts, one without resolved notices ("quiet") and one with ("loud"). Alerts sort by instance, so
/// the resolved ones come first in a payload: truncating before dropping them would send quiet the resolved two.
/// <code>
///  0.0  Shrinking a, b, c, d; Gone g1, g2
///  1.5  all re-sent
///  4.0  Shrinking a, b and Gone g1, g2 resolved; Shrinking c, d re-sent and e new
///  7.0  c, d, e re-sent; 10.0 re-sent; the scenario ends at 12.5
/// </code>
/// With group_wait 1s, group_interval 2s, repeat_interval 5s, Alertmanager notifies: at 1 both receivers Shrinking
/// [a b] +2 truncated and Gone [g1 g2]; at 5 quiet Shrinking [c d] +1 (the resolved a, b left before truncation), loud
/// Shrinking resolved [a b] +3 and loud Gone resolved [g1 g2], quiet nothing for Gone (no firing alert left); at 11 the
/// repeat, [c d] +1, to both.
/// </summary>
internal static class SendResolvedParityScenario
{
    public const string Config = """
        route:
          receiver: quiet
          group_by: [alertname]
          group_wait: 1s
          group_interval: 2s
          repeat_interval: 5s
          routes:
            - receiver: quiet
              continue: true
            - receiver: loud
        receivers:
          - name: quiet
            webhook_configs: [{ url: URLquiet, send_resolved: false, max_alerts: 2 }]
          - name: loud
            webhook_configs: [{ url: URLloud, send_resolved: true, max_alerts: 2 }]
        """;

    /// <summary>What Alertmanager 0.25 sends for this scenario: the test first checks that it did.</summary>
    public const int ExpectedNotifications = 9;

    public static readonly TimeSpan End = TimeSpan.FromSeconds(12.5);

    private static readonly Dictionary<string, string>[] Shrinking = [.. new[] { "a", "b", "c", "d" }.Select(i => Labels("Shrinking", i))];

    private static readonly Dictionary<string, string>[] Gone = [Labels("Gone", "g1"), Labels("Gone", "g2")];

    private static readonly Dictionary<string, string> Late = Labels("Shrinking", "e");

    public static async Task RunAsync(Stopwatch clock, IReadOnlyList<HttpClient> targets, CancellationToken ct)
    {
        clock.Restart();
        var first = Shrinking.Concat(Gone).ToList();
        await ParityScenario.PostAsync(targets, first.Select(ParityScenario.Firing), ct);
        await ParityScenario.UntilAsync(clock, 1.5, ct);
        await ParityScenario.PostAsync(targets, first.Select(ParityScenario.Firing), ct);
        await ParityScenario.UntilAsync(clock, 4.0, ct);
        var resolved = Shrinking.Take(2).Concat(Gone).ToList();
        var firing = Shrinking.Skip(2).Append(Late).ToList();
        await ParityScenario.PostAsync(targets, resolved.Select(ParityScenario.Resolved).Concat(firing.Select(ParityScenario.Firing)), ct);
        foreach (var at in new[] { 7.0, 10.0 })
        {
            await ParityScenario.UntilAsync(clock, at, ct);
            await ParityScenario.PostAsync(targets, firing.Select(ParityScenario.Firing), ct);
        }

        await ParityScenario.UntilAsync(clock, End.TotalSeconds, ct);
    }

    private static Dictionary<string, string> Labels(string alertname, string instance) =>
        new() { ["alertname"] = alertname, ["instance"] = instance, ["severity"] = "warning" };
}
