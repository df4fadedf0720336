using AirisEpm.LogService.Domain;
using Lucene.Net.Documents;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// How a <see cref="LogRecord"/> becomes a Lucene document (layout <see cref="PartitionLayout.Current"/>):
/// <list type="bullet">
/// <item><c>message</c>, <c>stack_trace</c>: analysed text (<see cref="LogAnalyzers.Text"/>), not stored.</item>
/// <item><c>level</c>, <c>service</c>, <c>trace_id</c>, <c>span_id</c>, <c>pattern_id</c>, <c>labels.&lt;name&gt;</c>,
/// <c>fields.&lt;name&gt;</c>: exact terms plus sorted doc values, which the histogram (<c>level</c>) and value counts
/// read without loading documents.</item>
/// <item><c>_time_id</c>: the (timestamp, id) key (<see cref="TimeIdKey"/>) as sorted doc values, the one per-record
/// value: it is the sort and the cursor, the exact time of each record (time ranges and the histogram compare its
/// ordinals) and the key replay looks records up by. Numeric doc values would cost Lucene.NET 4.8 a reflection walk
/// per value (<c>NumericDocValuesWriter</c> measures its bit set with <c>RamUsageEstimator.SizeOf(object)</c>), and it
/// has no sorted-numeric doc values.</item>
/// <item><c>id</c>: no term as a rule, since terms unique to one record are what a segment flush spends most on. An id
/// made by <see cref="RecordIds.New"/> tells its record's millisecond, so <see cref="RecordIdQuery"/> finds it by time.
/// Only a record whose id does not tell its time (given by a caller, as tests do) gets an <c>id</c> term.</item>
/// <item><c>message.keyword</c>: sorted doc values of a hash of the whole message (<see cref="ExactMessageQuery"/>); an exact
/// message query is the phrase of its words checked against that hash, which costs a message no term of its own.</item>
/// <item><c>timestamp</c>, as terms, only the record's second (<c>_time_bucket</c>: the timestamp shifted right by
/// <see cref="TimeBucketShift"/>, 1.07 s, as a trie long of precision step 8), shared by every record of the same
/// second. <see cref="TimeRangeQuery"/> selects the buckets and checks each record in them against its key.</item>
/// <item><c>_field_names</c>: sorted-set doc values naming the optional fields the record has that have no doc values
/// of their own (<c>stack_trace</c>, a keyword value too long to index); field facets read every other field's
/// presence from its doc values (<see cref="Collectors.FieldPresenceCollector"/>), which spares each record a
/// sorted-set entry per optional field.</item>
/// <item><c>_source</c>: the whole record as stored JSON (stored fields are LZ4-compressed by the codec).</item>
/// </list>
/// <see cref="LogDocumentBuilder"/> builds them, reusing the field instances of each thread.
/// Keyword values longer than <see cref="MaxKeywordLength"/> characters (messages: <see cref="ExactMessageQuery.MaxLength"/>)
/// are left out of the keyword fields, as Elasticsearch's <c>ignore_above</c> does: a Lucene term holds at most
/// 32,766 UTF-8 bytes, and exact matches on longer values are not what anyone searches for.
/// </summary>
internal static class LogDocuments
{
    public const string Source = "_source";
    public const string FieldNames = "_field_names";

    /// <summary>Also the longest record id this store takes: its key (eight bytes and at most three per character) stays within a doc value's 32,766 bytes.</summary>
    public const int MaxKeywordLength = 8_000;
    public const string TimeBucket = "_time_bucket";
    public const int TimeBucketShift = 30;
    public const int TimeBucketPrecisionStep = 8;

    public static readonly string[] AlwaysPresent = [F.Id, F.Timestamp, F.Level, F.Message, F.Service];

    /// <summary>Fields with doc values that are the store's own, not a record's optional fields.</summary>
    public static readonly string[] Internal = [FieldNames, TimeIdKey.Field, F.MessageKeyword];

    public static readonly FieldType TimeBucketType = new(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = TimeBucketPrecisionStep };

    static LogDocuments() => TimeBucketType.Freeze();

    public static LogRecord ToRecord(Document stored)
    {
        var json = stored.GetBinaryValue(Source);
        return LogRecordJson.Deserialize(json.Bytes.AsSpan(json.Offset, json.Length));
    }

    /// <summary>The bucket term of <paramref name="timestampNs"/> (<c>_time_bucket</c>).</summary>
    public static long BucketOf(long timestampNs) => timestampNs >> TimeBucketShift;
}
