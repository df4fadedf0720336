using System.Net;
using System.Text;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Scraping;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.MetricsService.Tests.Scraping;

public sealed class TargetScraperTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));

    [Fact]
    public async Task A_good_scrape_labels_every_sample_and_records_up_1_and_its_duration()
    {
        var scraper = Scraper(_ => Text("# TYPE jobs_total counter\njobs_total{job=\"inner\",queue=\"q\"} 5\nlast 2 1799999999000\n"), advance: TimeSpan.FromMilliseconds(250));
        var target = new ScrapeTarget("t", "http://node-1:9100/metrics", "node", 15, new() { ["env"] = "prod" });

        var samples = await scraper.ScrapeAsync(target, Ct);

        var jobs = samples.Single(s => s.Name == "jobs_total");
        Assert.Equal("{env=\"prod\", exported_job=\"inner\", instance=\"node-1:9100\", job=\"node\", queue=\"q\"}", jobs.Labels.ToString());
        Assert.Equal((5d, MetricType.Counter, 1_800_000_000_000L), (jobs.Value, jobs.Type, jobs.TimestampMs));
        Assert.Equal(1_799_999_999_000L, samples.Single(s => s.Name == "last").TimestampMs);
        Assert.Equal(1, Value(samples, "up"));
        Assert.Equal(0.25, Value(samples, "scrape_duration_seconds"), 6);
        Assert.Equal(2, Value(samples, "scrape_samples_scraped"));
        Assert.Equal("{env=\"prod\", instance=\"node-1:9100\", job=\"node\"}", samples.Single(s => s.Name == "up").Labels.ToString());
    }

    public static TheoryData<string, Func<HttpRequestMessage, HttpResponseMessage>> Failures => new()
    {
        { "http 500", _ => new HttpResponseMessage(HttpStatusCode.InternalServerError) },
        { "unparseable", _ => Text("this is not { metrics") },
        { "refused", _ => throw new HttpRequestException("connection refused") },
        { "too many labels", _ => Text("m{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"l{i}=\"v\"")) + "} 1") },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_scrape_records_up_0_and_no_partial_samples(string why, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var scraper = Scraper(respond, TimeSpan.FromMilliseconds(10));

        var samples = await scraper.ScrapeAsync(new ScrapeTarget("t", "http://down:1/metrics", "node", 15, []), Ct);

        Assert.True(samples.Select(s => s.Name).SequenceEqual(["up", "scrape_duration_seconds", "scrape_samples_scraped"]), why);
        Assert.Equal(0, Value(samples, "up"));
    }

    [Fact]
    public async Task A_target_slower_than_the_timeout_is_down()
    {
        var scraper = Scraper(_ => throw new TaskCanceledException("timed out"), TimeSpan.Zero);
        var samples = await scraper.ScrapeAsync(new ScrapeTarget("t", "http://slow:1/metrics", "node", 15, []), Ct);
        Assert.Equal(0, Value(samples, "up"));
    }

    [Fact]
    public async Task A_target_reached_through_the_sidecar_sends_its_token_and_is_labelled_by_the_replica_that_answered()
    {
        HttpRequestMessage? seen = null;
        var scraper = Scraper(request =>
        {
            seen = request;
            return Text("target_info{service_name=\"log-service\",service_instance_id=\"3f2a\"} 1\nhttp_server_active_requests{http_request_method=\"GET\"} 2\n");
        }, TimeSpan.Zero, new SidecarEndpoint(new Uri("http://127.0.0.1:3501"), "dapr-token"));
        var target = new ScrapeTarget("t", "http://127.0.0.1:3501/v1.0/invoke/log-service/method/metrics", "log-service", 15, [], AppId: "log-service");

        var samples = await scraper.ScrapeAsync(target, Ct);

        Assert.Equal(["dapr-token"], seen!.Headers.GetValues("dapr-api-token"));
        Assert.Equal("{http_request_method=\"GET\", instance=\"3f2a\", job=\"log-service\"}", samples.Single(s => s.Name == "http_server_active_requests").Labels.ToString());
        Assert.Equal("{instance=\"3f2a\", job=\"log-service\"}", samples.Single(s => s.Name == "up").Labels.ToString());
    }

    [Fact]
    public async Task Without_a_target_info_the_instance_is_the_app_id_and_a_plain_url_gets_no_sidecar_token()
    {
        var requests = new List<HttpRequestMessage>();
        var scraper = Scraper(request =>
        {
            requests.Add(request);
            return Text("jobs_total 1\n");
        }, TimeSpan.Zero, new SidecarEndpoint(new Uri("http://127.0.0.1:3501"), "dapr-token"));

        var viaSidecar = await scraper.ScrapeAsync(new ScrapeTarget("a", "http://127.0.0.1:3501/v1.0/invoke/console/method/metrics", "console", 15, [], AppId: "console"), Ct);
        await scraper.ScrapeAsync(new ScrapeTarget("b", "http://node-1:9100/metrics", "node", 15, []), Ct);

        Assert.Equal("console", viaSidecar.Single(s => s.Name == "jobs_total").Labels["instance"]);
        Assert.False(requests[1].Headers.Contains("dapr-api-token"));
    }

    [Fact]
    public void Configured_app_targets_are_scraped_at_the_sidecars_invoke_url_with_the_app_id_as_job()
    {
        var options = new ScrapingOptions { DefaultTargets = [new() { AppId = "trace-service" }, new() { AppId = "console", Job = "web", Path = "/custom/metrics" }, new() { Url = "http://node:9100/metrics" }] };

        var targets = ScrapeCoordinator.DefaultTargets(options, new SidecarEndpoint(new Uri("http://127.0.0.1:3501"), null)).ToList();

        Assert.Equal(
            [
                ("http://127.0.0.1:3501/v1.0/invoke/trace-service/method/metrics", "trace-service", "trace-service"),
                ("http://127.0.0.1:3501/v1.0/invoke/console/method/custom/metrics", "web", "console"),
                ("http://node:9100/metrics", "scrape", "node:9100"),
            ],
            targets.Select(t => (t.Url, t.Job, t.Instance)));
        Assert.Equal(3, targets.Select(t => t.Id).Distinct().Count());
    }

    private static double Value(List<MetricSample> samples, string name) => samples.Single(s => s.Name == name).Value;

    private static HttpResponseMessage Text(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };

    private TargetScraper Scraper(Func<HttpRequestMessage, HttpResponseMessage> respond, TimeSpan advance, SidecarEndpoint? sidecar = null) =>
        new(new HttpClient(new StubHandler(respond, () => _time.Advance(advance))), _time,
            Options.Create(new ScrapingOptions()), Options.Create(new ProtocolOptions()), NullLogger<TargetScraper>.Instance, sidecar);

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond, Action elapse) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            elapse();
            Assert.Contains("version=0.0.4", request.Headers.Accept.ToString(), StringComparison.Ordinal);
            return Task.FromResult(respond(request));
        }
    }
}
