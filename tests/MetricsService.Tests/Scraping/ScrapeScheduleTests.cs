using AirisEpm.MetricsService.Scraping;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.MetricsService.Tests.Scraping;

public sealed class ScrapeScheduleTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ScrapeSchedule _schedule;

    public ScrapeScheduleTests()
    {
        _schedule = new ScrapeSchedule(_time, Options.Create(new ScrapingOptions { ScheduleToleranceSeconds = 1 }));
    }

    private static ScrapeTarget Target(string id, int seconds) => new(id, $"http://{id}:9100/metrics", "node", seconds, []);

    [Fact]
    public void Each_target_is_due_at_its_own_interval()
    {
        List<ScrapeTarget> targets = [Target("fast", 15), Target("slow", 60)];
        var ticks = new List<string>();
        for (var tick = 0; tick < 8; tick++)
        {
            ticks.Add(string.Join("+", _schedule.TakeDue(targets).Select(t => t.Id)));
            _time.Advance(TimeSpan.FromSeconds(15));
        }

        Assert.Equal(["fast+slow", "fast", "fast", "fast", "fast+slow", "fast", "fast", "fast"], ticks);
    }

    [Fact]
    public void A_tick_that_comes_a_little_early_still_scrapes_but_one_far_too_early_does_not()
    {
        List<ScrapeTarget> targets = [Target("a", 15)];
        Assert.Single(_schedule.TakeDue(targets));

        _time.Advance(TimeSpan.FromSeconds(14.5));
        Assert.Single(_schedule.TakeDue(targets));

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(_schedule.TakeDue(targets));
    }

    [Fact]
    public void An_overlapping_tick_does_not_take_a_target_twice()
    {
        List<ScrapeTarget> targets = [Target("a", 15)];
        Assert.Single(_schedule.TakeDue(targets));
        Assert.Empty(_schedule.TakeDue(targets));
    }

    [Fact]
    public void A_removed_and_re_added_target_is_due_at_once()
    {
        Assert.Single(_schedule.TakeDue([Target("a", 60)]));
        Assert.Empty(_schedule.TakeDue([]));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(_schedule.TakeDue([Target("a", 60)]));
    }
}
