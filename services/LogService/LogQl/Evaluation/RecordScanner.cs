using System.Runtime.CompilerServices;
using System.Text;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Reads every record a store filter matches in a time range, newest or oldest first, without ever
/// holding more than one window in memory and without cursor paging over the whole range (where each
/// page would revisit every match). A histogram of the range (counted from the index, no record loaded)
/// cuts it into windows of at most <c>windowRecords</c> matches (<see cref="WindowRecords"/> by default); each window is paged newest first
/// (and reversed for oldest first). A single histogram bucket holding more is cut again the same way.
/// Each record read is counted against the <see cref="QueryBudget"/>.
/// </summary>
public sealed class RecordScanner(ILogStore store, QueryBudget budget, int windowRecords = RecordScanner.WindowRecords)
{
    /// <summary>The largest page the store gives, and so the most records a window holds by default.</summary>
    public const int WindowRecords = LogQueryLimits.MaxLimit;

    /// <summary>
    /// The records of <paramref name="text"/> in [<paramref name="startNs"/>, <paramref name="endNs"/>).
    /// <paramref name="readAll"/> says the caller will read to the end (metric queries), so a range holding
    /// more matches than the budget fails at once; <paramref name="firstPage"/> sizes the first page of a
    /// caller that may stop early (log queries with a limit).
    /// </summary>
    public async IAsyncEnumerable<LogRecord> ScanAsync(
        string? text, long startNs, long endNs, bool newestFirst, bool readAll, int firstPage, [EnumeratorCancellation] CancellationToken ct)
    {
        if (endNs <= startNs) yield break;
        var windows = await PlanAsync(text, startNs, endNs, ct);
        if (readAll) budget.Expect(windows.Sum(w => w.Count));
        if (newestFirst) windows.Reverse();
        var pageSize = Math.Clamp(firstPage, 1, windowRecords);
        foreach (var window in windows)
        {
            if (window.Count > windowRecords && window.EndNs - window.StartNs > 1)
            {
                await foreach (var record in ScanAsync(text, window.StartNs, window.EndNs, newestFirst, readAll: false, pageSize, ct))
                {
                    yield return record;
                }

                continue;
            }

            var forward = newestFirst ? null : new List<LogRecord>();
            LogCursor? cursor = null;
            do
            {
                ct.ThrowIfCancellationRequested();
                var page = await store.SearchAsync(new LogQuery(text, window.StartNs, window.EndNs, pageSize, After: cursor), ct);
                foreach (var hit in page.Hits)
                {
                    budget.Count(Encoding.UTF8.GetByteCount(hit.Record.Message));
                    if (forward is null) yield return hit.Record;
                    else forward.Add(hit.Record);
                }

                cursor = page.Next;
                pageSize = Math.Min(windowRecords, pageSize * 4);
            }
            while (cursor is not null);

            if (forward is not null)
            {
                for (var i = forward.Count - 1; i >= 0; i--)
                {
                    yield return forward[i];
                }
            }
        }
    }

    /// <summary>Windows of consecutive histogram buckets, oldest first, each with at most <c>windowRecords</c> matches unless one bucket alone has more.</summary>
    private async Task<List<Window>> PlanAsync(string? text, long startNs, long endNs, CancellationToken ct)
    {
        var buckets = (int)Math.Min(LogQueryLimits.MaxHistogramBuckets, endNs - startNs);
        var query = new LogQuery(text, startNs, endNs, Limit: 0, HistogramBuckets: buckets);
        var width = LogQueryLimits.BucketWidth(query);
        var histogram = await store.SearchAsync(query, ct);
        var windows = new List<Window>();
        Window? open = null;
        foreach (var bucket in histogram.Histogram)
        {
            var count = bucket.CountsByLevel.Values.Sum();
            var bucketStart = Math.Max(startNs, bucket.StartNs);
            var bucketEnd = Math.Min(endNs, bucket.StartNs + width);
            if (count == 0 || bucketEnd <= bucketStart) continue;
            if (open is { } w && w.EndNs == bucketStart && w.Count + count <= windowRecords)
            {
                open = w with { EndNs = bucketEnd, Count = w.Count + count };
                continue;
            }

            if (open is { } done) windows.Add(done);
            open = new Window(bucketStart, bucketEnd, count);
        }

        if (open is { } last) windows.Add(last);
        return windows;
    }

    private readonly record struct Window(long StartNs, long EndNs, long Count);
}
