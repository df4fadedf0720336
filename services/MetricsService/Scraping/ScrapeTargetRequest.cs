namespace AirisEpm.MetricsService.Scraping;

/// <summary>The body of POST/PUT /api/v1/scrape-targets.</summary>
public sealed record ScrapeTargetRequest(string Url, string? Job, int? IntervalSeconds, Dictionary<string, string>? Labels)
{
    public ScrapeTarget ToTarget(string id, ScrapingOptions defaults) =>
        new(id, Url, Job ?? defaults.DefaultJob, IntervalSeconds ?? defaults.DefaultIntervalSeconds, Labels ?? []);
}
