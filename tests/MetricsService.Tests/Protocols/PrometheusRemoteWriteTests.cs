using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>
/// Prometheus itself (Debian's 2.42, which .ci/run installs) scraping itself every second and
/// remote-writing to the service on a real Kestrel port with a bearer token.
/// </summary>
public sealed class PrometheusRemoteWriteTests
{
    private const string Binary = "/usr/bin/prometheus";

    [Fact]
    public async Task Prometheus_remote_writes_its_own_scrapes_to_the_service()
    {
        if (!File.Exists(Binary))
        {
            Assert.Skip($"{Binary} is not installed (apt-get install -y prometheus); the real remote_write client cannot run.");
        }

        await using var factory = new ProtocolsFactory().OnKestrel();
        var directory = Directory.CreateTempSubdirectory("airis-prometheus-");
        var port = FreePort();
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: prometheus-self
                static_configs:
                  - targets: ['127.0.0.1:{port}']
            remote_write:
              - url: {new Uri(factory.BaseAddress, "/api/v1/write")}
                authorization:
                  credentials: {TestTokens.With(Permissions.MetricsWrite)}
                queue_config:
                  batch_send_deadline: 1s
                  min_backoff: 100ms
            """, TestContext.Current.CancellationToken);

        var output = new StringBuilder();
        using var prometheus = Start(config, directory.FullName, port, output);
        try
        {
            var up = await factory.Ingestor.WaitForAsync(
                s => s.Name == "up" && s.Labels["job"] == "prometheus-self", TimeSpan.FromSeconds(60), "up sample from prometheus");

            Assert.Equal(1, up.Value);
            Assert.Equal($"127.0.0.1:{port}", up.Labels["instance"]);
            var build = await factory.Ingestor.WaitForAsync(s => s.Name == "prometheus_build_info", TimeSpan.FromSeconds(30), "build info");
            Assert.StartsWith("2.", build.Labels["version"]);
            Assert.Contains(factory.Ingestor.Samples, s => s.Name.EndsWith("_bucket", StringComparison.Ordinal) && s.Labels["le"] == "+Inf");
            Assert.DoesNotContain("non-recoverable error", output.ToString(), StringComparison.Ordinal);
        }
        catch (Exception e) when (e is not Xunit.Sdk.SkipException)
        {
            throw new InvalidOperationException("prometheus output:\n" + output, e);
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync(TestContext.Current.CancellationToken);
            directory.Delete(recursive: true);
        }
    }

    private static Process Start(string config, string storage, int port, StringBuilder output)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(storage, "data")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
