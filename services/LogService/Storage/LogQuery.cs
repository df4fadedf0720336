using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Storage;

/// <summary>
/// A search: <see cref="Text"/> in Lucene query syntax over the stored fields (message by default;
/// <c>level:error</c>, <c>service:api</c>, <c>trace_id:…</c>, <c>labels.env:prod</c>, <c>fields.user_id:42</c>,
/// phrases, AND/OR/NOT, wildcards, ranges), plus structured filters, a time range [StartNs, EndNs),
/// newest first. <see cref="After"/> continues a previous page (search_after on time and id).
/// <see cref="HistogramBuckets"/> &gt; 0 asks for counts over the range split by level.
/// </summary>
public sealed record LogQuery(
    string? Text,
    long StartNs,
    long EndNs,
    int Limit = 100,
    string? Service = null,
    Severity? Level = null,
    string? TraceId = null,
    string? PatternId = null,
    LogCursor? After = null,
    bool Highlight = false,
    int HistogramBuckets = 0);

/// <summary>Position after the last record of a page: its timestamp and id.</summary>
public sealed record LogCursor(long TimestampNs, string Id);

/// <summary>A matching record; <see cref="Highlights"/> (when asked) are up to three HTML-escaped fragments of its message with each match in <c>&lt;em&gt;…&lt;/em&gt;</c>.</summary>
public sealed record LogHit(LogRecord Record, IReadOnlyList<string> Highlights);

/// <summary>Counts of matching records in [StartNs, StartNs + width), by level.</summary>
public sealed record HistogramBucket(long StartNs, IReadOnlyDictionary<Severity, long> CountsByLevel);

/// <summary>
/// A page of hits. <see cref="Total"/> is exact up to 10,000 matches; beyond it <see cref="TotalIsLowerBound"/> is true.
/// <see cref="Next"/> is null on the last page.
/// </summary>
public sealed record LogSearchResult(
    IReadOnlyList<LogHit> Hits, long Total, bool TotalIsLowerBound, LogCursor? Next, IReadOnlyList<HistogramBucket> Histogram);

public sealed record FieldCount(string Field, long Records);

public sealed record ValueCount(string Value, long Records);

/// <summary>A query the store cannot parse; the API answers 400 naming <see cref="Problem"/>.</summary>
public sealed class LogQueryException(string problem) : Exception(problem)
{
    public string Problem => Message;
}
