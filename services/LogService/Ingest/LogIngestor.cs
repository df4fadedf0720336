using AirisEpm.LogService.Anomalies;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;
using AirisEpm.LogService.Patterns;
using AirisEpm.LogService.Patterns.Shared;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Ingest;

/// <inheritdoc cref="ILogIngestor"/>
public sealed class LogIngestor(
    BatchingWriter<LogRecord> writer, PatternMiner miner, RawLineParser parser, LogAnomalyMonitor anomalies, TimeProvider time,
    PatternTally tally, IOptions<SharedPatternOptions> shared) : ILogIngestor
{
    private readonly bool _sharePatterns = shared.Value.Enabled;

    public async Task IngestAsync(List<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) return;
        var messages = new string[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            messages[i] = records[i].Message;
        }

        var seen = time.GetUtcNow();
        var patterns = miner.MineBatch(messages, seen);
        for (var i = 0; i < records.Count; i++)
        {
            var record = Enrich(records[i]);
            records[i] = record with { Id = record.Id.Length > 0 ? record.Id : RecordIds.New(record.TimestampNs), PatternId = patterns[i].Id };
        }

        await writer.WriteAsync(records, cancellationToken);
        anomalies.Observe(records);
        if (_sharePatterns) tally.Add(records, patterns, seen.ToUnixTimeMilliseconds()); // counted once stored, as the store counts them

    }

    /// <summary>Loki and OTLP lines often state their level and trace in the text (JSON, logfmt, a traceparent).</summary>
    private LogRecord Enrich(LogRecord record)
    {
        if (record.Level != Severity.Unknown && record.TraceId is not null) return record;
        var draft = parser.Parse(record.Message, record.TimestampNs);
        return record with
        {
            Level = record.Level != Severity.Unknown ? record.Level : draft.Level,
            TraceId = record.TraceId ?? draft.TraceId,
            SpanId = record.TraceId is null ? draft.SpanId ?? record.SpanId : record.SpanId,
        };
    }
}
