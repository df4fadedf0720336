using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage.Lucene.Collectors;
using Lucene.Net.Search;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Lucene;

public sealed partial class LuceneLogStore
{
    private static readonly Sort NewestFirst = new(new SortField(TimeIdKey.Field, SortFieldType.STRING, true));
    private static readonly Sort OldestFirst = new(new SortField(TimeIdKey.Field, SortFieldType.STRING));
    private static readonly HashSet<string> SourceOnly = [LogDocuments.Source];

    /// <summary>
    /// Without a histogram: a count that stops past 10,000 matches, then the page from growing time windows
    /// (<see cref="Windowed"/>). With one: a single pass over every match of every overlapping partition,
    /// newest first, feeding the histogram, the count and the page together.
    /// </summary>
    public async Task<LogSearchResult> SearchAsync(LogQuery query, CancellationToken cancellationToken)
    {
        await WaitAppliedAsync(cancellationToken).ConfigureAwait(false);
        var selection = LuceneQueries.Build(query);
        var want = query.Limit == 0 ? 0 : query.Limit + 1; // one more tells whether there is a next page
        CountCollector count;
        HistogramCollector? histogram = null;
        List<LogRecord> page;
        if (query.HistogramBuckets > 0)
        {
            count = new CountCollector();
            histogram = new HistogramCollector(query.StartNs, LogQueryLimits.BucketWidth(query), query.HistogramBuckets);
            page = Collect(selection, true, want, query.After, InOrder(selection, true), count, histogram, cancellationToken);
        }
        else
        {
            (page, count) = Windowed(selection, true, want, query.After, cancellationToken);
        }

        var records = page.Take(query.Limit).ToList();
        var hits = records.Select(r => new LogHit(r, query.Highlight ? LogHighlights.For(selection.Text, r.Message) : [])).ToList();
        var next = page.Count > query.Limit && records.Count > 0 ? new LogCursor(records[^1].TimestampNs, records[^1].Id) : null;
        return new LogSearchResult(hits, Math.Min(count.Count, LogQueryLimits.ExactTotal), count.PastExact, next, histogram?.Buckets() ?? []);
    }

    public async Task<LogRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await WaitAppliedAsync(cancellationToken).ConfigureAwait(false);
        // By time in the partition of the millisecond the id tells, then by term everywhere: two plain queries, where
        // their disjunction would cost a bucket table per segment (Lucene's out-of-order BooleanScorer).
        if (RecordIdQuery.ByTime(id, out var first, out var last) is { } byTime
            && Collect(LogSelection.Anytime(byTime), true, 1, null, Partitions.Overlapping(first, SaturatingAdd(last, 1)), null, null, cancellationToken) is [var record])
        {
            return record;
        }

        var found = Collect(LogSelection.Anytime(RecordIdQuery.ByTerm(id)), true, 1, null, Partitions.All().OrderByDescending(p => p.EndNs).ToList(), null, null, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public async Task<IReadOnlyList<LogRecord>> ContextAsync(string id, int before, int after, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(before);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return [];
        }

        var neighbours = new BooleanQuery { { LuceneQueries.Term(F.Service, record.Service), Occur.MUST } };
        if (record.Labels.TryGetValue("host", out var host))
        {
            neighbours.Add(LuceneQueries.Term(F.LabelPrefix + "host", host), Occur.MUST);
        }

        var at = new LogCursor(record.TimestampNs, record.Id);
        var older = LogSelection.Anytime(neighbours) with { EndNs = SaturatingAdd(at.TimestampNs, 1) };
        var newer = LogSelection.Anytime(neighbours) with { StartNs = at.TimestampNs };
        var (olderRecords, _) = Windowed(older, true, before, at, cancellationToken);
        var (newerRecords, _) = Windowed(newer, false, after, at, cancellationToken);
        return [.. Enumerable.Reverse(olderRecords), record, .. newerRecords];
    }

    public async Task<IReadOnlyList<FieldCount>> FieldsAsync(LogQuery query, CancellationToken cancellationToken)
    {
        await WaitAppliedAsync(cancellationToken).ConfigureAwait(false);
        var matches = new CountCollector();
        var presence = new FieldPresenceCollector();
        Search(query, MultiCollector.Wrap(presence, matches), cancellationToken);
        var counts = presence.Counts()
            .Concat(matches.Count == 0 ? [] : LogDocuments.AlwaysPresent.Select(f => KeyValuePair.Create(f, matches.Count)));
        return counts
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FieldCount(c.Key, c.Value)).ToList();
    }

    public async Task<IReadOnlyList<ValueCount>> ValuesAsync(string field, LogQuery query, int limit, CancellationToken cancellationToken)
    {
        var name = F.Resolve(field);
        if (F.IsText(name) || name is F.Timestamp or F.MessageKeyword)
        {
            throw new LogQueryException($"'{field}' has no values to count; count a keyword field such as level, service or labels.<name>.");
        }

        if (limit is < 1 or > LogQueryLimits.MaxLimit)
        {
            throw new LogQueryException($"limit must be between 1 and {LogQueryLimits.MaxLimit}; it is {limit}.");
        }

        await WaitAppliedAsync(cancellationToken).ConfigureAwait(false);
        var counts = CountValues(name, query, cancellationToken);
        return counts
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(limit)
            .Select(c => new ValueCount(c.Key, c.Value)).ToList();
    }

    private IReadOnlyDictionary<string, long> CountValues(string field, LogQuery query, CancellationToken cancellationToken)
    {
        // Record ids are the keys' second half: every record has one, and the id term only some.
        var values = field == F.Id ? new ValueCountCollector(TimeIdKey.Field, multiValued: false, TimeIdKey.IdOf) : new ValueCountCollector(field, multiValued: false);
        Search(query, values, cancellationToken);
        return values.Counts();
    }

    /// <summary>Feeds every match of <paramref name="query"/> in every overlapping partition to <paramref name="collector"/>.</summary>
    private void Search(LogQuery query, ICollector collector, CancellationToken cancellationToken)
    {
        var selection = LuceneQueries.Build(query);
        Volatile.Write(ref _lastSearch, _time.GetTimestamp());
        ReadLocked(() =>
        {
            foreach (var partition in Partitions.Overlapping(query.StartNs, query.EndNs))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var searcher = partition.AcquireFresh();
                try
                {
                    searcher.Search(selection.In(partition), collector);
                }
                finally
                {
                    partition.Release(searcher);
                }
            }
        });
    }

    /// <summary>
    /// The first <paramref name="want"/> records of <paramref name="selection"/> after <paramref name="cursor"/> in the
    /// given order, over <paramref name="partitions"/> (listed in that order), feeding every match of the partitions
    /// visited to <paramref name="count"/> (while it is below the exact bound) and <paramref name="histogram"/>.
    /// </summary>
    private List<LogRecord> Collect(
        LogSelection selection, bool newestFirst, int want, LogCursor? cursor, IReadOnlyList<LogPartition> partitions,
        CountCollector? count, HistogramCollector? histogram, CancellationToken cancellationToken)
    {
        var page = new HitMerger(Math.Max(want, 1), newestFirst);
        var sort = newestFirst ? NewestFirst : OldestFirst;
        var after = cursor is null ? null : new FieldDoc(int.MaxValue, float.NaN, [TimeIdKey.Of(cursor.TimestampNs, cursor.Id)]);
        Volatile.Write(ref _lastSearch, _time.GetTimestamp());
        ReadLocked(() =>
        {
            foreach (var partition in partitions.Where(p => !p.IsClosed))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var beyondCursor = cursor is not null && (newestFirst ? partition.StartNs > cursor.TimestampNs : partition.EndNs - 1 < cursor.TimestampNs);
                var top = want > 0 && !beyondCursor && !page.IsFullBefore(partition.StartNs, partition.EndNs)
                    ? TopFieldCollector.Create(sort, want, after, false, false, false, false)
                    : null;
                var collectors = new List<ICollector>(3);
                if (top is not null)
                {
                    collectors.Add(top);
                }

                if (histogram is not null)
                {
                    collectors.Add(histogram);
                }

                if (count is { PastExact: false })
                {
                    count.Bounded = collectors.Count == 0; // alone it may stop early; beside others it must not cut their segment short
                    collectors.Add(count);
                }

                if (collectors.Count == 0)
                {
                    continue;
                }

                var searcher = partition.AcquireFresh();
                try
                {
                    searcher.Search(selection.In(partition), MultiCollector.Wrap([.. collectors]));
                    if (top is not null)
                    {
                        page.AddRange(top.GetTopDocs().ScoreDocs.Select(d => LogDocuments.ToRecord(searcher.Doc(d.Doc, SourceOnly))).ToList());
                    }
                }
                finally
                {
                    partition.Release(searcher);
                }
            }
        });
        return want == 0 ? [] : [.. page.Records];
    }

    private void ReadLocked(Action action)
    {
        _lifecycle.EnterReadLock();
        try
        {
            action();
        }
        finally
        {
            _lifecycle.ExitReadLock();
        }
    }
}
