using AirisEpm.LogService.Domain;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// How a <see cref="LogRecord"/> becomes a Lucene document:
/// <list type="bullet">
/// <item><c>message</c>, <c>stack_trace</c>: analysed text (<see cref="LogAnalyzers.Text"/>), not stored.</item>
/// <item><c>id</c>, <c>level</c>, <c>service</c>, <c>trace_id</c>, <c>span_id</c>, <c>pattern_id</c>, <c>labels.&lt;name&gt;</c>,
/// <c>fields.&lt;name&gt;</c>: exact terms plus sorted doc values, which sorting (<c>id</c>), the histogram (<c>level</c>)
/// and value counts read without loading documents. <c>message.keyword</c>: the exact term only.</item>
/// <item><c>timestamp</c>: numeric doc values, for sorting, the histogram and exact time ranges; and, as terms, only the
/// record's second (<c>_time_bucket</c>: the timestamp shifted right by <see cref="TimeBucketShift"/>, 1.07 s, as a
/// trie long of precision step 8). A trie of the nanoseconds themselves gave each record four or five terms of its
/// own, and unique terms are what a flush spends most on (sorting them and building the terms dictionary); the
/// buckets' terms are shared by every record of the same second. <see cref="TimeRange"/> selects the buckets and
/// checks the doc values of the records in them.</item>
/// <item><c>_field_names</c>: sorted-set doc values naming the optional fields the record has that have no doc values
/// of their own (<c>stack_trace</c>, a keyword value too long to index); field facets read every other field's
/// presence from its doc values (<see cref="Collectors.FieldPresenceCollector"/>), which spares each record a
/// sorted-set entry per optional field.</item>
/// <item><c>_source</c>: the whole record as stored JSON (stored fields are LZ4-compressed by the codec).</item>
/// </list>
/// <see cref="LogDocumentBuilder"/> builds them, reusing the field instances of each thread.
/// Keyword values longer than <see cref="MaxKeywordLength"/> characters (messages: <see cref="MaxMessageKeywordLength"/>)
/// are left out of the keyword fields, as Elasticsearch's <c>ignore_above</c> does: a Lucene term holds at most
/// 32,766 UTF-8 bytes, and exact matches on longer values are not what anyone searches for.
/// </summary>
internal static class LogDocuments
{
    public const string Source = "_source";
    public const string FieldNames = "_field_names";
    public const int MaxKeywordLength = 8_000;
    public const int MaxMessageKeywordLength = 1_024;
    public const string TimeBucket = "_time_bucket";
    public const int TimeBucketShift = 30;
    public const int TimeBucketPrecisionStep = 8;

    public static readonly string[] AlwaysPresent = [F.Id, F.Timestamp, F.Level, F.Message, F.Service];

    public static readonly FieldType TimeBucketType = new(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = TimeBucketPrecisionStep };

    static LogDocuments() => TimeBucketType.Freeze();

    public static LogRecord ToRecord(Document stored)
    {
        var json = stored.GetBinaryValue(Source);
        return LogRecordJson.Deserialize(json.Bytes.AsSpan(json.Offset, json.Length));
    }

    /// <summary>The bucket term of <paramref name="timestampNs"/> (<c>_time_bucket</c>).</summary>
    public static long BucketOf(long timestampNs) => timestampNs >> TimeBucketShift;

    /// <summary>
    /// A range over <c>timestamp</c> (null for an open end): the trie range of the buckets it touches drives the
    /// search, and each record in them is checked against the exact range in its doc values.
    /// </summary>
    public static Query TimeRange(long? from, long? to, bool fromInclusive, bool toInclusive)
    {
        var exact = FieldCacheRangeFilter.NewInt64Range(F.Timestamp, from, to, fromInclusive, toInclusive);
        if ((from == long.MaxValue && !fromInclusive) || (to == long.MinValue && !toInclusive))
        {
            return new FilteredQuery(new BooleanQuery(), exact); // nothing is after the last instant or before the first
        }

        var lo = from is not { } f ? long.MinValue : fromInclusive ? f : f + 1;
        var hi = to is not { } t ? long.MaxValue : toInclusive ? t : t - 1;
        var buckets = NumericRangeQuery.NewInt64Range(TimeBucket, TimeBucketPrecisionStep, BucketOf(lo), BucketOf(hi), true, true);
        return new FilteredQuery(buckets, exact, FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
    }
}
