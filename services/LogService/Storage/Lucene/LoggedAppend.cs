using AirisEpm.LogService.Domain;
using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>One append durable in the WAL: its records, their serialised sources, and the segment holding its frame.</summary>
internal sealed record LoggedAppend(IReadOnlyList<LogRecord> Records, byte[][] Sources, WalSegment Segment);
