namespace AirisEpm.MetricsService.Scraping;

/// <summary>
/// A /metrics endpoint to scrape. Samples get <c>job</c> = <see cref="Job"/>, <c>instance</c> = the URL's
/// host:port, and the extra <see cref="Labels"/>. A target reached through the sidecar names its <see cref="AppId"/>:
/// its URL is the sidecar's, so its instance is the app (see <see cref="TargetScraper"/> for replicas).
/// </summary>
public sealed record ScrapeTarget(string Id, string Url, string Job, int IntervalSeconds, Dictionary<string, string> Labels, string? AppId = null)
{
    public string Instance => AppId ?? new Uri(Url).Authority;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
}
