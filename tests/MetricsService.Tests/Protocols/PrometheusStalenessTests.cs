using System.Globalization;
using System.Text.Json;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.PromQl.Model;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>
/// Prometheus 2.42 scrapes a target every second and remote-writes into the service's real store. The target fails two
/// scrapes and comes back: Prometheus writes a stale marker for each of its series, the store keeps it bit-exact, and
/// query_range's increase over the whole run is the counter's last value minus its first (no NaN, no false reset).
/// </summary>
public sealed class PrometheusStalenessTests
{
    private const string Counter = "airis_demo_requests_total";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_target_that_goes_away_and_comes_back_leaves_a_stale_marker_and_no_false_reset()
    {
        PrometheusProcess.SkipUnlessInstalled();
        var started = DateTimeOffset.UtcNow;
        await using var factory = new MetricsFactory().OnKestrel();
        await using var target = await FlakyTargetAsync();
        var port = PrometheusProcess.FreePort();
        await using var prometheus = await PrometheusProcess.StartAsync($"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: flaky
                static_configs:
                  - targets: ['{target.Urls.Single().Replace("http://", "", StringComparison.Ordinal)}']
            remote_write:
              - url: {new Uri(factory.BaseAddress, "/api/v1/write")}
                authorization:
                  credentials: {TestTokens.With(Permissions.MetricsWrite)}
                queue_config:
                  batch_send_deadline: 1s
                  min_backoff: 100ms
            """, port, Ct);
        try
        {
            var store = factory.Services.GetRequiredService<IMetricStore>();
            var points = await WaitForAsync(store, p => p.Values.SkipWhile(v => !StaleMarker.IsStale(v)).Count(v => !StaleMarker.IsStale(v)) >= 2);

            var stale = Array.FindIndex(points.Values, StaleMarker.IsStale);
            Assert.True(stale > 0, "a value before the marker");
            Assert.Equal(StaleMarker.Bits, BitConverter.DoubleToUInt64Bits(points.Values[stale]));
            var values = points.Values.Where(v => !StaleMarker.IsStale(v)).ToList();
            Assert.True(values[stale] > values[stale - 1], "the counter came back higher");

            // The target goes away for good; once its stale marker is stored, every sample before it is too.
            await target.StopAsync(Ct);
            points = await WaitForAsync(store, p => StaleMarker.IsStale(p.Values[^1]) && p.Values.Count(StaleMarker.IsStale) >= 2);

            // One step over the whole run (two hours from the hour it started in). PromQL's increase of the samples in the
            // window, extrapolated as Prometheus does (the dialect's own increase was last − first, without extrapolation);
            // a NaN or a false reset after the marker would break it.
            var start = (started.ToUnixTimeSeconds() / 3600) * 3600;
            using var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);
            var text = await reader.GetStringAsync($"/api/v1/metrics/query_range?name={Counter}&fn=increase&tier=raw&step=2h&start={start}&end={start + 7199}", Ct);
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(text);
            var point = Assert.Single(Assert.Single(json.RootElement.GetProperty("series").EnumerateArray().ToList()).GetProperty("points").EnumerateArray().ToList());
            var samples = points.Timestamps.Zip(points.Values).Where(p => !StaleMarker.IsStale(p.Second)).ToList();
            Assert.Equal(PrometheusIncrease(samples, (start * 1000) + 7_199_999, 7_200_000), point.GetProperty("v").GetDouble(), 9);
        }
        catch (Exception e) when (e is not Xunit.Sdk.SkipException)
        {
            throw new InvalidOperationException("prometheus output:\n" + prometheus.Output, e);
        }
    }

    private static async Task<SeriesPoints> WaitForAsync(IMetricStore store, Func<SeriesPoints, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var series = await store.FindSeriesAsync(SeriesSelector.ForName(Counter), Ct);
            if (series.Count == 1)
            {
                var points = (await store.PointsAsync(StorageTier.Raw, [series[0].Id], 0, long.MaxValue / 2, Ct)).SingleOrDefault();
                if (points is not null && done(points))
                {
                    return points;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no stale marker followed by two samples of {Counter} within 60 s");
            }

            await Task.Delay(250, Ct);
        }
    }

    /// <summary>
    /// Prometheus 3's <c>extrapolatedRate</c> for <c>increase</c> of a counter without resets: last − first, extrapolated
    /// to an edge of the window when a sample lies within 1.1 average spacings of it, else by half a spacing, and never
    /// past where the counter would be zero. (2.42 took the zero point before the half spacing, which answers more here.)
    /// </summary>
    private static double PrometheusIncrease(List<(long T, double V)> samples, long evalMs, long rangeMs)
    {
        var (first, last) = (samples[0], samples[^1]);
        var result = last.V - first.V;
        var sampled = (last.T - first.T) / 1000.0;
        var average = sampled / (samples.Count - 1);
        var threshold = average * 1.1;
        var toStart = (first.T - (evalMs - rangeMs)) / 1000.0;
        toStart = toStart < threshold ? toStart : average / 2;
        if (result > 0 && first.V >= 0)
        {
            toStart = Math.Min(toStart, sampled * (first.V / result));
        }

        var toEnd = (evalMs - last.T) / 1000.0;
        toEnd = toEnd < threshold ? toEnd : average / 2;
        return result * ((sampled + toStart + toEnd) / sampled);
    }

    /// <summary>A scrape target whose counter rises by 10 a scrape, which fails its 4th and 5th scrapes (503) and then recovers.</summary>
    private static async Task<WebApplication> FlakyTargetAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{PrometheusProcess.FreePort()}");
        var app = builder.Build();
        var scrapes = 0;
        app.MapGet("/metrics", () =>
        {
            var scrape = Interlocked.Increment(ref scrapes);
            return scrape is 4 or 5
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Text($"# TYPE {Counter} counter\n{Counter}{{path=\"/\"}} {(scrape * 10).ToString(CultureInfo.InvariantCulture)}\n", "text/plain; version=0.0.4");
        });
        await app.StartAsync(Ct);
        return app;
    }
}
