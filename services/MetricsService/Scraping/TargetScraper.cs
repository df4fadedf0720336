using AirisEpm.Protocols;
using System.Globalization;
using System.Net.Http.Headers;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>
/// Scrapes one target as Prometheus does: its samples get <c>job</c>, <c>instance</c> and the extra
/// labels (a scraped <c>job</c>/<c>instance</c> is kept as <c>exported_job</c>/<c>exported_instance</c>),
/// and every scrape, failed or not, yields <c>up</c>, <c>scrape_duration_seconds</c> and
/// <c>scrape_samples_scraped</c>. A target reached through the sidecar (<see cref="ScrapeTarget.AppId"/>) is sent the
/// sidecar's API token, and each scrape may reach another replica of the app: its <c>instance</c> is the replica's
/// <c>service_instance_id</c> from the <c>target_info</c> the OpenTelemetry exporter writes (as OTLP's
/// <c>service.instance.id</c> becomes <c>instance</c>), so replicas' counters stay separate series; the app id when
/// the exposition has none.
/// </summary>
public sealed partial class TargetScraper(
    HttpClient http, TimeProvider time, IOptions<ScrapingOptions> options, IOptions<ProtocolOptions> limits, ILogger<TargetScraper> logger,
    SidecarEndpoint? sidecar = null)
{
    public const string HttpClientName = "scraper";
    private readonly ScrapingOptions _options = options.Value;

    public async Task<List<MetricSample>> ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        var targetLabels = TargetLabels(target, target.Instance);
        var samples = new List<MetricSample>();
        var up = 0d;
        try
        {
            var exposition = await FetchAsync(target, cancellationToken);
            targetLabels = TargetLabels(target, ReplicaInstance(target, exposition) ?? target.Instance);
            foreach (var scraped in exposition)
            {
                samples.Add(ToSample(scraped, targetLabels, timestamp));
            }

            up = 1;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ExpositionFormatException or InvalidDataException or MalformedPayloadException
                                  && !cancellationToken.IsCancellationRequested)
        {
            LogScrapeFailed(target.Url, e.Message);
            samples.Clear();
        }

        var labels = LabelSet.FromUnsorted([.. targetLabels]);
        var duration = time.GetElapsedTime(started).TotalSeconds;
        samples.Add(new MetricSample("up", labels, timestamp, up, MetricType.Gauge));
        samples.Add(new MetricSample("scrape_duration_seconds", labels, timestamp, duration, MetricType.Gauge));
        samples.Add(new MetricSample("scrape_samples_scraped", labels, timestamp, samples.Count - 2, MetricType.Gauge));
        return samples;
    }

    private async Task<List<ScrapedSample>> FetchAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain") { Parameters = { new NameValueHeaderValue("version", "0.0.4") } });
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.1));
        request.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", _options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        if (target.AppId is not null && sidecar?.ApiToken is { } token)
        {
            request.Headers.Add("dapr-api-token", token);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var body = await PooledBuffer.ReadAsync(stream, response.Content.Headers.ContentLength, _options.MaxBodyBytes, timeout.Token);
        var openMetrics = response.Content.Headers.ContentType?.MediaType == "application/openmetrics-text";
        return PrometheusTextParser.Parse(System.Text.Encoding.UTF8.GetString(body.Span), openMetrics);
    }

    private MetricSample ToSample(ScrapedSample scraped, List<Label> targetLabels, long scrapeTimestamp)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in scraped.Labels)
        {
            var name = label.Name is "job" or "instance" ? "exported_" + label.Name : label.Name;
            if (label.Value.Length > 0)
            {
                labels[name] = label.Value;
            }
        }

        foreach (var label in targetLabels)
        {
            labels[label.Name] = label.Value;
        }

        var set = LabelSet.From(labels);
        if (SeriesRules.Check(scraped.Name, set.Labels, limits.Value) is { } problem)
        {
            throw new MalformedPayloadException(problem);
        }

        return new MetricSample(scraped.Name, set, scraped.TimestampMs ?? scrapeTimestamp, scraped.Value, scraped.Type);
    }

    private static List<Label> TargetLabels(ScrapeTarget target, string instance) =>
        [new("job", target.Job), new("instance", instance), .. target.Labels.Select(l => new Label(l.Key, l.Value))];

    private static string? ReplicaInstance(ScrapeTarget target, List<ScrapedSample> exposition) =>
        target.AppId is null
            ? null
            : exposition.Where(s => s.Name == "target_info")
                .SelectMany(s => s.Labels).Where(l => l.Name == "service_instance_id" && l.Value.Length > 0).Select(l => l.Value).FirstOrDefault();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scrape of {Url} failed: {Reason}")]
    private partial void LogScrapeFailed(string url, string reason);
}
