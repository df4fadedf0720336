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
    [Fact]
    public async Task Prometheus_remote_writes_its_own_scrapes_to_the_service()
    {
        if (!PrometheusProcess.Installed)
        {
            Assert.Skip($"{PrometheusProcess.Binary} is not installed (apt-get install -y prometheus); the real remote_write client cannot run.");
        }

        await using var factory = new ProtocolsFactory().OnKestrel();
        using var prometheus = await PrometheusProcess.StartAsync(port => $"""
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
            """, ct: TestContext.Current.CancellationToken);
        try
        {
            var up = await factory.Ingestor.WaitForAsync(
                s => s.Name == "up" && s.Labels["job"] == "prometheus-self", TimeSpan.FromSeconds(60), "up sample from prometheus");

            Assert.Equal(1, up.Value);
            Assert.Equal($"127.0.0.1:{prometheus.Port}", up.Labels["instance"]);
            var build = await factory.Ingestor.WaitForAsync(s => s.Name == "prometheus_build_info", TimeSpan.FromSeconds(30), "build info");
            Assert.StartsWith("2.", build.Labels["version"]);
            Assert.Contains(factory.Ingestor.Samples, s => s.Name.EndsWith("_bucket", StringComparison.Ordinal) && s.Labels["le"] == "+Inf");
            Assert.DoesNotContain("non-recoverable error", prometheus.Output, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is not Xunit.Sdk.SkipException)
        {
            throw new InvalidOperationException("prometheus output:\n" + prometheus.Output, e);
        }
    }
}
