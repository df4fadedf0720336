extern alias alert;
using System.Diagnostics;
using System.Net.Http.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>
/// Alertmanager 0.25 and alert-service side by side: the same configuration, the same silence and the same
/// timed alerts (<see cref="ParityScenario"/>), each notifying its own webhook listener. They must notify the
/// same groups, with the same alerts, the same firing/resolved status and the same suppression (inhibited
/// and silenced alerts never sent), each notification within <see cref="Tolerance"/> of Alertmanager's.
/// </summary>
public sealed class AlertmanagerParityTests(ITestOutputHelper output)
{
    /// <summary>
    /// Both run on the real clock. Alertmanager's group timers fire exactly group_wait/group_interval after the
    /// group began; alert-service's engine checks them every tick (50 ms here), and both then post over HTTP on a
    /// loaded two-core machine, so 0.75 s, well under the 2 s group_interval, tells one flush from the next.
    /// </summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(0.75);

    [Fact]
    public async Task Same_alerts_same_notifications_as_Alertmanager()
    {
        if (!File.Exists(AlertmanagerProcess.Binary))
        {
            Assert.Skip($"{AlertmanagerProcess.Binary} is not installed (apt-get install -y prometheus-alertmanager; .ci/run installs it); nothing to compare with.");
        }

        var ct = TestContext.Current.CancellationToken;
        var clock = new Stopwatch();
        using var amHook = new WebhookListener(clock);
        using var airisHook = new WebhookListener(clock);
        var config = ParityScenario.Config.Replace("URL", amHook.Url.ToString());
        using var alertmanager = await AlertmanagerProcess.StartAsync(config, ct);
        await using var env = await DaprTestEnvironment.StartAsync(o => o.SecretOverrides["webhook-url"] = airisHook.Url.ToString());
        var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?> { ["Alerting:TickInterval"] = "00:00:00.050" });
        var airis = app.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var configured = await airis.PutYamlAsync("/api/v1/alerting/config", config);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(ct));
        using var am = new HttpClient { BaseAddress = alertmanager.Url };
        foreach (var client in new[] { am, airis })
        {
            var silenced = await client.PostAsJsonAsync("api/v2/silences", ParityScenario.Silence(), ct);
            Assert.True(silenced.IsSuccessStatusCode, await silenced.Content.ReadAsStringAsync(ct));
        }

        await ParityScenario.RunAsync(clock, [am, airis], ct);

        var expected = amHook.Deliveries.Select(Notified.Of).ToList();
        var actual = airisHook.Deliveries.Select(Notified.Of).ToList();
        output.WriteLine("Alertmanager:\n  " + string.Join("\n  ", expected) + "\nalert-service:\n  " + string.Join("\n  ", actual));
        output.WriteLine($"first payloads:\n  {amHook.Deliveries[0].Payload}\n  {airisHook.Deliveries[0].Payload}");
        Assert.True(expected.Count == 8, "Alertmanager did not notify as the scenario says (is it 0.25?):\n" + string.Join('\n', expected) + "\n" + alertmanager.Output);
        ParityAssert.SameNotifications(expected, actual, Tolerance);

        Assert.DoesNotContain(actual, n => n.Group is "Silenced");
        Assert.Equal(Notified.Shape(amHook.Deliveries[0].Payload), Notified.Shape(airisHook.Deliveries[0].Payload));
        Assert.All(airisHook.Deliveries, d => Assert.Equal("4", d.Payload.GetProperty("version").GetString()));
    }

    /// <summary>
    /// <see cref="RoutingParityScenario"/>: <c>continue: true</c>, <c>group_by: ['...']</c> and per-route group_by,
    /// a route muted by a mute time interval that covers now, one notifying inside an active interval, one outside its only active interval.
    /// </summary>
    [Fact]
    public async Task Same_routing_with_continue_group_by_everything_and_time_intervals_as_Alertmanager()
    {
        if (!File.Exists(AlertmanagerProcess.Binary))
        {
            Assert.Skip($"{AlertmanagerProcess.Binary} is not installed (apt-get install -y prometheus-alertmanager; .ci/run installs it); nothing to compare with.");
        }

        var ct = TestContext.Current.CancellationToken;
        var clock = new Stopwatch();
        using var amHook = new WebhookListener(clock);
        using var airisHook = new WebhookListener(clock);
        var config = RoutingParityScenario.Config.Replace("URL", amHook.Url.ToString());
        using var alertmanager = await AlertmanagerProcess.StartAsync(config, ct);
        await using var env = await DaprTestEnvironment.StartAsync(o => o.SecretOverrides["webhook-url"] = airisHook.Url.ToString());
        var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?> { ["Alerting:TickInterval"] = "00:00:00.050" });
        var airis = app.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var configured = await airis.PutYamlAsync("/api/v1/alerting/config", config);
        Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(ct));
        using var am = new HttpClient { BaseAddress = alertmanager.Url };

        await RoutingParityScenario.RunAsync(clock, [am, airis], ct);

        var expected = amHook.Deliveries.Select(Notified.ByReceiver).ToList();
        var actual = airisHook.Deliveries.Select(Notified.ByReceiver).ToList();
        output.WriteLine("Alertmanager:\n  " + string.Join("\n  ", expected) + "\nalert-service:\n  " + string.Join("\n  ", actual));
        Assert.True(expected.Count == RoutingParityScenario.ExpectedNotifications,
            "Alertmanager did not notify as the scenario says:\n" + string.Join('\n', expected) + "\n" + alertmanager.Output);
        ParityAssert.SameNotifications(expected, actual, Tolerance);
        Assert.DoesNotContain(actual, n => n.Group.StartsWith("web-muted ", StringComparison.Ordinal) || n.Group.StartsWith("batch ", StringComparison.Ordinal));
    }
}
