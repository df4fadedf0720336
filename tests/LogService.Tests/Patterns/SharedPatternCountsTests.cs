using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Patterns;
using AirisEpm.LogService.Patterns.Shared;

namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>The pure parts of pattern counts shared across replicas: the tally, merging an hour, combining a window.</summary>
public sealed class SharedPatternCountsTests
{
    private const long NsPerMinute = 60_000_000_000;
    private static readonly long Hour = 493_000L * 3_600_000_000_000; // a whole UTC hour, in ns

    private static LogRecord Record(string pattern, long atNs, Severity level = Severity.Info, string service = "api") =>
        new("", atNs, level, $"line of {pattern}", service, null, null, new Dictionary<string, string>(), new Dictionary<string, string>(), PatternId: pattern);

    private static PatternHour[] Tally(string replica, params LogRecord[] records)
    {
        var tally = new PatternTally(replica);
        tally.Add(records, records.Select(r => new PatternMatch(r.PatternId!, $"template of {r.PatternId}")).ToList(), 1_000);
        return [.. tally.TakeHours()];
    }

    [Fact]
    public void The_tally_counts_per_hour_minute_service_and_level_and_starts_again_once_taken()
    {
        var tally = new PatternTally("one");
        LogRecord[] records = [Record("p1", Hour + 1), Record("p1", Hour + 2, Severity.Error), Record("p1", Hour + (61 * NsPerMinute)), Record("p2", Hour + NsPerMinute, service: "web")];
        tally.Add(records, records.Select(r => new PatternMatch(r.PatternId!, "t")).ToList(), 5);

        Assert.Equal(2, tally.PeekHours().Count);
        var hours = tally.TakeHours().OrderBy(h => h.HourMs).ToList();
        Assert.Equal([Hour / 1_000_000, (Hour / 1_000_000) + 3_600_000], hours.Select(h => h.HourMs));
        var first = hours[0].Patterns.Single(p => p.Id == "p1").Minutes.Single();
        Assert.Equal((0, "api", 1L, 1L), (first.Minute, first.Service, first.Levels["info"], first.Levels["error"]));
        Assert.Equal(1, hours[0].Patterns.Single(p => p.Id == "p2").Minutes.Single(m => m.Service == "web").Minute);
        Assert.Empty(tally.TakeHours());
    }

    [Fact]
    public void Merging_a_delta_into_the_stored_hour_adds_its_counts_and_keeps_the_earliest_first_seen()
    {
        var stored = Tally("one", Record("p1", Hour + 1), Record("p1", Hour + 2))[0];
        var tally = new PatternTally("one");
        tally.Add([Record("p1", Hour + 3, Severity.Warn), Record("p3", Hour + 4)], [new PatternMatch("p1", "newer template"), new PatternMatch("p3", "t3")], 2_000);
        var delta = tally.TakeHours()[0];

        var merged = PatternCounts.Merge(stored, delta);

        var p1 = merged.Patterns.Single(p => p.Id == "p1");
        Assert.Equal((2L, 1L, "newer template", 1_000L, 2_000L), (p1.Minutes[0].Levels["info"], p1.Minutes[0].Levels["warn"], p1.Template, p1.FirstSeenMs, p1.LastSeenMs));
        Assert.Contains(merged.Patterns, p => p.Id == "p3");
        Assert.Equal(2L, stored.Patterns.Single(p => p.Id == "p1").Minutes[0].Levels["info"]); // the stored hour is not changed
        Assert.False(stored.Patterns.Single(p => p.Id == "p1").Minutes[0].Levels.ContainsKey("warn"));
    }

    [Fact]
    public void Combining_two_replicas_sums_their_counts_inside_the_window_and_filters()
    {
        var one = Tally("one", Record("p1", Hour + 1), Record("p1", Hour + NsPerMinute), Record("p2", Hour + 2, Severity.Error));
        var two = Tally("two", Record("p1", Hour + (2 * NsPerMinute)), Record("p1", Hour + (2 * NsPerMinute), service: "web"), Record("p1", Hour + (30 * NsPerMinute)));

        var all = PatternCombiner.Combine([.. one, .. two], Hour, Hour + (3 * NsPerMinute), null, null, 3, 10);

        Assert.Equal(["p1", "p2"], all.Select(p => p.Id));
        Assert.Equal(4, all[0].Count); // the minute-30 record is outside the window
        Assert.Equal([1L, 1L, 2L], all[0].Counts);
        Assert.Equal(3, PatternCombiner.Combine([.. one, .. two], Hour, Hour + (3 * NsPerMinute), "api", null, 3, 10)[0].Count);
        Assert.Equal(["p2"], PatternCombiner.Combine([.. one, .. two], Hour, Hour + (3 * NsPerMinute), null, "error", 3, 10).Select(p => p.Id));
        Assert.Single(PatternCombiner.Combine([.. one, .. two], Hour, Hour + (3 * NsPerMinute), null, null, 3, 1));
        Assert.Empty(PatternCombiner.Combine([.. one, .. two], Hour + (40 * NsPerMinute), Hour + (50 * NsPerMinute), null, null, 3, 10));
    }

    [Fact]
    public void Combined_first_and_last_seen_are_the_records_minutes_inside_the_window_not_when_they_arrived()
    {
        var one = Tally("one", Record("p1", Hour + (1 * NsPerMinute) + 5), Record("p1", Hour + (4 * NsPerMinute)), Record("p1", Hour + (30 * NsPerMinute)));
        var two = Tally("two", Record("p1", Hour + (2 * NsPerMinute) + 7));

        var p1 = Assert.Single(PatternCombiner.Combine([.. one, .. two], Hour + NsPerMinute, Hour + (10 * NsPerMinute), null, null, 3, 10));

        // The tally's arrival time (1,000 ms) is nowhere in the answer: the window holds minutes 1 to 4 of the hour.
        Assert.Equal((Hour / 1_000_000) + 60_000, p1.FirstSeenMs);
        Assert.Equal((Hour / 1_000_000) + (4 * 60_000), p1.LastSeenMs);
    }
}
