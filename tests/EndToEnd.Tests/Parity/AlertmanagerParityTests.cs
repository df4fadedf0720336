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

    /// <summary>
    /// How long past a scenario's end a late notification is still waited for. Every scenario's next notification
    /// is due more than this after its end, so waiting never adds one.
    /// </summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Same_alerts_same_notifications_as_Alertmanager()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SideBySide.StartAsync(ParityScenario.Config, ct);
        var (clock, amHook, airisHook, alertmanager, am, airis) = (run.Clock, run.AmHook, run.AirisHook, run.Alertmanager, run.Am, run.Airis);
        foreach (var client in new[] { am, airis })
        {
            var silenced = await client.PostAsJsonAsync("api/v2/silences", ParityScenario.Silence(), ct);
            Assert.True(silenced.IsSuccessStatusCode, await silenced.Content.ReadAsStringAsync(ct));
        }

        await ParityScenario.RunAsync(clock, [am, airis], ct);
        await run.SettleAsync(ParityScenario.ExpectedNotifications, ParityScenario.End, ct);

        var expected = amHook.Deliveries.Select(Notified.Of).ToList();
        var actual = airisHook.Deliveries.Select(Notified.Of).ToList();
        output.WriteLine("Alertmanager:\n  " + string.Join("\n  ", expected) + "\nalert-service:\n  " + string.Join("\n  ", actual));
        output.WriteLine($"first payloads:\n  {amHook.Deliveries[0].Payload}\n  {airisHook.Deliveries[0].Payload}");
        Assert.True(expected.Count == ParityScenario.ExpectedNotifications, "Alertmanager did not notify as the scenario says (is it 0.25?):\n" + string.Join('\n', expected) + "\n" + alertmanager.Output);
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
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SideBySide.StartAsync(RoutingParityScenario.Config, ct);
        var (clock, amHook, airisHook, alertmanager, am, airis) = (run.Clock, run.AmHook, run.AirisHook, run.Alertmanager, run.Am, run.Airis);

        await RoutingParityScenario.RunAsync(clock, [am, airis], ct);
        await run.SettleAsync(RoutingParityScenario.ExpectedNotifications, RoutingParityScenario.End, ct);

        var expected = amHook.Deliveries.Select(Notified.ByReceiver).ToList();
        var actual = airisHook.Deliveries.Select(Notified.ByReceiver).ToList();
        output.WriteLine("Alertmanager:\n  " + string.Join("\n  ", expected) + "\nalert-service:\n  " + string.Join("\n  ", actual));
        Assert.True(expected.Count == RoutingParityScenario.ExpectedNotifications,
            "Alertmanager did not notify as the scenario says:\n" + string.Join('\n', expected) + "\n" + alertmanager.Output);
        ParityAssert.SameNotifications(expected, actual, Tolerance);
        Assert.DoesNotContain(actual, n => n.Group.StartsWith("web-muted ", StringComparison.Ordinal) || n.Group.StartsWith("batch ", StringComparison.Ordinal));
    }

    /// <summary>
    /// <see cref="SendResolvedParityScenario"/>: a receiver with <c>send_resolved: false</c> and <c>max_alerts</c> below the
    /// group's size, alerts resolving between flushes, beside one that sends resolved notices under the same cap.
    /// </summary>
    [Fact]
    public async Task Same_notifications_without_resolved_notices_under_max_alerts_as_Alertmanager()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await SideBySide.StartAsync(SendResolvedParityScenario.Config, ct);

        await SendResolvedParityScenario.RunAsync(run.Clock, [run.Am, run.Airis], ct);
        await run.SettleAsync(SendResolvedParityScenario.ExpectedNotifications, SendResolvedParityScenario.End, ct);

        var expected = run.AmHook.Deliveries.Select(Notified.ByReceiver).ToList();
        var actual = run.AirisHook.Deliveries.Select(Notified.ByReceiver).ToList();
        output.WriteLine("Alertmanager:\n  " + string.Join("\n  ", expected) + "\nalert-service:\n  " + string.Join("\n  ", actual));
        Assert.True(expected.Count == SendResolvedParityScenario.ExpectedNotifications,
            "Alertmanager did not notify as the scenario says:\n" + string.Join('\n', expected) + "\n" + run.Alertmanager.Output);
        ParityAssert.SameNotifications(expected, actual, Tolerance);
        Assert.Contains(actual, n => n.Group == "quiet {alertname=Shrinking}" && n.Alerts == "c:firing d:firing +1");
    }

    /// <summary>
    /// Alertmanager and alert-service (beside the sidecar double, its engine ticking every 50 ms) given the same
    /// configuration, each notifying its own webhook listener on one clock; skips the test when Alertmanager is not installed.
    /// </summary>
    private sealed class SideBySide : IAsyncDisposable
    {
        private DaprTestEnvironment? _env;

        public required Stopwatch Clock { get; init; }

        public required WebhookListener AmHook { get; init; }

        public required WebhookListener AirisHook { get; init; }

        public AlertmanagerProcess Alertmanager { get; private set; } = null!;

        public HttpClient Am { get; private set; } = null!;

        public HttpClient Airis { get; private set; } = null!;

        public static async Task<SideBySide> StartAsync(string scenarioConfig, CancellationToken ct)
        {
            if (!File.Exists(AlertmanagerProcess.Binary))
            {
                Assert.Skip($"{AlertmanagerProcess.Binary} is not installed (apt-get install -y prometheus-alertmanager; .ci/run installs it); nothing to compare with.");
            }

            var clock = new Stopwatch();
            var run = new SideBySide { Clock = clock, AmHook = new WebhookListener(clock), AirisHook = new WebhookListener(clock) };
            try
            {
                var config = scenarioConfig.Replace("URL", run.AmHook.Url.ToString(), StringComparison.Ordinal);
                run.Alertmanager = await AlertmanagerProcess.StartAsync(config, ct);
                run._env = await DaprTestEnvironment.StartAsync(o => o.SecretOverrides["webhook-url"] = run.AirisHook.Url.ToString());
                var app = await run._env.StartServiceAsync<alert::Program>(AppIds.AlertService, new Dictionary<string, string?> { ["Alerting:TickInterval"] = "00:00:00.050" });
                run.Airis = app.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
                var configured = await run.Airis.PutYamlAsync("/api/v1/alerting/config", config);
                Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync(ct));
                run.Am = new HttpClient { BaseAddress = run.Alertmanager.Url };
                return run;
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }
        }

        /// <summary>Gives both sides until <see cref="Grace"/> past the scenario's end to deliver what they owe.</summary>
        public async Task SettleAsync(int expected, TimeSpan end, CancellationToken ct)
        {
            await AmHook.WaitForAsync(expected, end + Grace, ct);
            await AirisHook.WaitForAsync(AmHook.Deliveries.Count, end + Grace, ct);
        }

        public async ValueTask DisposeAsync()
        {
            Am?.Dispose();
            if (_env is not null) await _env.DisposeAsync();
            Alertmanager?.Dispose();
            AirisHook.Dispose();
            AmHook.Dispose();
        }
    }
}
