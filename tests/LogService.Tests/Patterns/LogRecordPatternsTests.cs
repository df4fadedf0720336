using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Patterns;

namespace AirisEpm.LogService.Tests.Patterns;

public sealed class LogRecordPatternsTests
{
    [Fact]
    public void A_record_gets_its_pattern_id_and_its_time_counts_as_seen()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var record = new LogRecord(
            "r1", (at - DateTimeOffset.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick, Severity.Info,
            "Connection closed by 10.0.0.1 [preauth]", "sshd", null, null,
            new Dictionary<string, string>(), new Dictionary<string, string>());
        var miner = new PatternMiner();

        var assigned = miner.WithPattern(record);

        var pattern = Assert.Single(miner.Patterns);
        Assert.Equal(record with { PatternId = pattern.Id }, assigned);
        Assert.Equal(at, pattern.FirstSeen);
    }
}
