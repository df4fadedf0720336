namespace AirisEpm.MetricsService.Scraping;

/// <summary>
/// A /metrics endpoint to scrape. Samples get <c>job</c> = <see cref="Job"/>, <c>instance</c> = the URL's
/// host:port, and the extra <see cref="Labels"/>.
/// </summary>
public sealed record ScrapeTarget(string Id, string Url, string Job, int IntervalSeconds, Dictionary<string, string> Labels)
{
    public string Instance => new Uri(Url).Authority;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
}
