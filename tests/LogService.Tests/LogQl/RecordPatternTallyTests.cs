using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Metadata;

namespace AirisEpm.LogService.Tests.LogQl;

public sealed class RecordPatternTallyTests
{
    private static LogRecord Record(string? pattern, long atNs, Severity level = Severity.Info, string message = "line") =>
        new("", atNs, level, message, "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>(), PatternId: pattern);

    [Fact]
    public void Each_pattern_gets_its_count_levels_buckets_and_the_oldest_and_newest_record_times()
    {
        var tally = new RecordPatternTally(1_000, 2_000, 4);
        tally.Add(Record("p1", 1_700, message: "newest first"));
        tally.Add(Record("p1", 1_010, Severity.Error));
        tally.Add(Record("p1", 1_260, Severity.Error));
        tally.Add(Record("p2", 1_999));
        tally.Add(Record(null, 1_500));

        var top = tally.Top(10);

        Assert.Equal(250, tally.BucketNs);
        Assert.Equal(["p1", "p2"], top.Select(p => p.Id));
        var p1 = top[0];
        Assert.Equal((3L, 1_010L, 1_700L, "newest first"), (p1.Count, p1.FirstSeenNs, p1.LastSeenNs, p1.Sample));
        Assert.Equal(new Dictionary<string, long> { ["error"] = 2, ["info"] = 1 }, p1.ByLevel);
        Assert.Equal([1L, 1L, 1L, 0L], p1.Counts);
        Assert.Equal([0L, 0L, 0L, 1L], top[1].Counts);
    }

    [Fact]
    public void Top_keeps_the_most_frequent_ties_by_id()
    {
        var tally = new RecordPatternTally(0, 100, 1);
        foreach (var id in new[] { "c", "b", "a", "b" }) tally.Add(Record(id, 5));

        Assert.Equal(["b", "a"], tally.Top(2).Select(p => p.Id));
    }
}
