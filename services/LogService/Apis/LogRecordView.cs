using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Text;

namespace AirisEpm.LogService.Apis;

/// <summary>A record as the API shows it; <see cref="TraceId"/> lets a UI jump to the trace.</summary>
public sealed record LogRecordView(
    string Id, string Timestamp, long TimestampNs, string Level, string Message, string Service, string? TraceId, string? SpanId,
    string? PatternId, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Fields, string? StackTrace,
    IReadOnlyList<string>? Highlights = null)
{
    public static LogRecordView From(LogRecord r, IReadOnlyList<string>? highlights = null) => new(
        r.Id, UnixTime.FormatRfc3339(r.TimestampNs), r.TimestampNs, r.Level.ToString().ToLowerInvariant(), r.Message, r.Service, r.TraceId, r.SpanId,
        r.PatternId, r.Labels, r.Fields, r.StackTrace, highlights is { Count: > 0 } ? highlights : null);

    public static LogRecordView From(LogHit hit) => From(hit.Record, hit.Highlights);
}

public sealed record HistogramView(long BucketNs, IReadOnlyList<HistogramBucketView> Buckets);

public sealed record HistogramBucketView(string Start, long StartNs, long Total, IReadOnlyDictionary<string, long> ByLevel);

public sealed record SearchView(
    IReadOnlyList<LogRecordView> Records, long Total, bool TotalIsLowerBound, string? NextCursor, HistogramView? Histogram);
