using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>What one tick did.</summary>
public sealed record ScrapeTickResult(int Targets, int Scraped, int Up, int Samples);

/// <summary>
/// One <c>scrape-tick</c>: the configured and stored targets that are due are scraped concurrently
/// (bounded), and each target's samples are ingested as soon as it is done.
/// </summary>
public sealed class ScrapeCoordinator(
    IScrapeTargetRepository repository,
    ScrapeSchedule schedule,
    TargetScraper scraper,
    IMetricIngestor ingestor,
    IOptions<ScrapingOptions> options,
    SidecarEndpoint sidecar)
{
    public async Task<ScrapeTickResult> TickAsync(CancellationToken cancellationToken)
    {
        var targets = DefaultTargets(options.Value, sidecar).Concat(await repository.ListAsync(cancellationToken)).ToList();
        var due = schedule.TakeDue(targets);
        using var gate = new SemaphoreSlim(options.Value.MaxConcurrency);
        var results = await Task.WhenAll(due.Select(async target =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var samples = await scraper.ScrapeAsync(target, cancellationToken);
                await ingestor.IngestAsync(samples, cancellationToken);
                return samples;
            }
            finally
            {
                gate.Release();
            }
        }));

        var up = results.Count(samples => samples.Any(s => s is { Name: "up", Value: 1 }));
        return new ScrapeTickResult(targets.Count, due.Count, up, results.Sum(r => r.Count));
    }

    /// <summary>Configured targets, with ids derived from the URL they are scraped at so that they stay stable across restarts.</summary>
    public static IEnumerable<ScrapeTarget> DefaultTargets(ScrapingOptions options, SidecarEndpoint sidecar) =>
        options.DefaultTargets.Select(t =>
        {
            var url = t.AppId is { } appId ? sidecar.InvokeUrl(appId, t.Path) : t.Url!;
            return new ScrapeTarget(
                "config-" + Convert.ToHexStringLower(System.IO.Hashing.XxHash64.Hash(System.Text.Encoding.UTF8.GetBytes(url))),
                url,
                t.Job ?? t.AppId ?? options.DefaultJob,
                t.IntervalSeconds ?? options.DefaultIntervalSeconds,
                t.Labels,
                t.AppId);
        });
}
