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
/// <item><c>timestamp</c>: a trie long (precision step 8: eight terms per value, half Lucene's default, while a
/// range still visits at most a few thousand terms) plus numeric doc values for sorting, the histogram and
/// the time-range checks of <see cref="LogSelection"/>.</item>
/// <item><c>_field_names</c>: sorted-set doc values naming the optional fields the record has, for field facets
/// (<see cref="AlwaysPresent"/> ones are on every record and are not repeated).</item>
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
    public const int TimestampPrecisionStep = 8;

    public static readonly string[] AlwaysPresent = [F.Id, F.Timestamp, F.Level, F.Message, F.Service];

    public static readonly FieldType TimestampType = new(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = TimestampPrecisionStep };

    static LogDocuments() => TimestampType.Freeze();

    public static LogRecord ToRecord(Document stored)
    {
        var json = stored.GetBinaryValue(Source);
        return LogRecordJson.Deserialize(json.Bytes.AsSpan(json.Offset, json.Length));
    }

    /// <summary>A range over <c>timestamp</c> (null for an open end), matching how it is indexed.</summary>
    public static Query TimeRange(long? from, long? to, bool fromInclusive, bool toInclusive) =>
        NumericRangeQuery.NewInt64Range(F.Timestamp, TimestampPrecisionStep, from, to, fromInclusive, toInclusive);
}
