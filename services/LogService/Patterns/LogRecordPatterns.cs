using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Patterns;

/// <summary>Pattern assignment at ingest: a <see cref="LogRecord"/> leaves with its <see cref="LogRecord.PatternId"/> set.</summary>
public static class LogRecordPatterns
{
    /// <summary>The record with the id of its message's pattern, seen at the record's own time.</summary>
    public static LogRecord WithPattern(this PatternMiner miner, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var seenAt = DateTimeOffset.UnixEpoch.AddTicks(record.TimestampNs / TimeSpan.NanosecondsPerTick);
        return record with { PatternId = miner.Mine(record.Message, seenAt).Id };
    }
}
