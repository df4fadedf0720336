using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>
/// Debian's Prometheus (2.42) as an unmodified Alertmanager API v2 client: it evaluates an
/// always-firing rule and posts the alert to alert-service on a real Kestrel port with a bearer token.
/// </summary>
public sealed class PrometheusClientTests
{
    private const string PrometheusPath = "/usr/bin/prometheus";

    [Fact]
    public async Task Prometheus_alert_shows_up_in_the_alerts_api()
    {
        if (!File.Exists(PrometheusPath)) Assert.Skip($"{PrometheusPath} is not installed (apt-get install prometheus).");
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new AlertServiceFactory();
        var port = FreePort();
        factory.UseKestrel(port);
        factory.StartServer();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }.WithToken(Permissions.AlertsRead);

        var dir = Directory.CreateTempSubdirectory("airis-prom-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "rules.yml"), """
                groups:
                  - name: airis-test
                    interval: 1s
                    rules:
                      - alert: AlwaysFiring
                        expr: vector(1)
                        labels:
                          severity: warning
                          service: prometheus-test
                        annotations:
                          summary: always firing
                """, ct);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "prometheus.yml"), $"""
                global:
                  evaluation_interval: 1s
                rule_files: [rules.yml]
                alerting:
                  alertmanagers:
                    - api_version: v2
                      path_prefix: /
                      authorization:
                        credentials: {TestTokens.With(Permissions.AlertsWrite)}
                      static_configs:
                        - targets: ['127.0.0.1:{port}']
                """, ct);
            var webPort = FreePort();
            using var prometheus = StartPrometheus(dir.FullName, webPort);
            try
            {
                var alert = await WaitForAlertAsync(client, "AlwaysFiring", prometheus, webPort, ct);
                Assert.Equal("prometheus-test", alert.GetProperty("labels").GetProperty("service").GetString());
                Assert.Equal("always firing", alert.GetProperty("annotations").GetProperty("summary").GetString());
                Assert.Equal("active", alert.GetProperty("status").GetProperty("state").GetString());
                Assert.StartsWith("http", alert.GetProperty("generatorURL").GetString());
            }
            finally
            {
                prometheus.Kill(entireProcessTree: true);
                await prometheus.WaitForExitAsync(CancellationToken.None);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static Process StartPrometheus(string dir, int webPort)
    {
        var info = new ProcessStartInfo(PrometheusPath)
        {
            WorkingDirectory = dir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--config.file=prometheus.yml", $"--storage.tsdb.path={Path.Combine(dir, "data")}",
                     $"--web.listen-address=127.0.0.1:{webPort}",
                     // The first evaluation runs before the alertmanager is discovered and is dropped;
                     // re-send every second instead of the default minute.
                     "--rules.alert.resend-delay=1s",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("prometheus did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Polls for up to 60 s: Prometheus needs a few seconds to start and evaluate the first time.</summary>
    private static async Task<System.Text.Json.JsonElement> WaitForAlertAsync(HttpClient client, string name, Process prometheus, int webPort, CancellationToken ct)
    {
        var stderr = new System.Text.StringBuilder();
        prometheus.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        prometheus.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var alerts = await GetAsync(client, $"/api/v2/alerts?filter=alertname%3D%22{name}%22");
            if (alerts.GetArrayLength() > 0) return alerts[0];
            if (prometheus.HasExited) break;
            await Task.Delay(250, ct);
        }

        var notifier = await DescribeNotifierAsync(webPort);
        lock (stderr) Assert.Fail($"Prometheus did not deliver {name} within 60 s. Notifier: {notifier}\nIts log:\n{stderr}");
        return default;
    }

    /// <summary>Prometheus's own view of its alertmanagers and notification counters, for the failure message.</summary>
    private static async Task<string> DescribeNotifierAsync(int webPort)
    {
        try
        {
            using var prom = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
            var managers = await prom.GetStringAsync("/api/v1/alertmanagers");
            var metrics = (await prom.GetStringAsync("/metrics")).Split('\n')
                .Where(l => l.StartsWith("prometheus_notifications_", StringComparison.Ordinal));
            return managers + "\n" + string.Join("\n", metrics);
        }
        catch (HttpRequestException ex)
        {
            return "unreachable: " + ex.Message;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
