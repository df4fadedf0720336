using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>
/// Which targets are due on a tick: those never scraped, and those whose last scrape is at least
/// their interval (less a small tolerance for tick drift) ago. Remembers last scrapes in memory;
/// after a restart every target is due once, which costs one early scrape and loses nothing.
/// </summary>
public sealed class ScrapeSchedule(TimeProvider time, IOptions<ScrapingOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastScrape = new(StringComparer.Ordinal);
    private readonly TimeSpan _tolerance = TimeSpan.FromSeconds(options.Value.ScheduleToleranceSeconds);

    /// <summary>The due targets; marks them scraped now, so that an overlapping tick does not take them too.</summary>
    public IReadOnlyList<ScrapeTarget> TakeDue(IReadOnlyList<ScrapeTarget> targets)
    {
        var now = time.GetUtcNow();
        var due = new List<ScrapeTarget>();
        foreach (var target in targets)
        {
            var last = _lastScrape.GetValueOrDefault(target.Id, DateTimeOffset.MinValue);
            if (last == DateTimeOffset.MinValue || now - last >= target.Interval - _tolerance)
            {
                _lastScrape[target.Id] = now;
                due.Add(target);
            }
        }

        foreach (var gone in _lastScrape.Keys.Except(targets.Select(t => t.Id)))
        {
            _lastScrape.TryRemove(gone, out _);
        }

        return due;
    }
}
