using AirisEpm.LogService.Domain;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// How a <see cref="LogRecord"/> becomes a Lucene document:
/// <list type="bullet">
/// <item><c>message</c>, <c>stack_trace</c>: analysed text (<see cref="LogAnalyzers.Text"/>), not stored.</item>
/// <item><c>message.keyword</c>, <c>id</c>, <c>level</c>, <c>service</c>, <c>trace_id</c>, <c>span_id</c>, <c>pattern_id</c>,
/// <c>labels.&lt;name&gt;</c>, <c>fields.&lt;name&gt;</c>: exact terms; all but <c>message.keyword</c> also sorted doc values,
/// which sorting (<c>id</c>), the histogram (<c>level</c>) and value counts read without loading documents.</item>
/// <item><c>timestamp</c>: a numeric (trie) long for ranges plus numeric doc values for sorting and the histogram.</item>
/// <item><c>_field_names</c>: the names of the fields the record has (terms and sorted-set doc values), for field facets.</item>
/// <item><c>_source</c>: the whole record as stored JSON (stored fields are LZ4-compressed by the codec).</item>
/// </list>
/// Keyword values longer than <see cref="MaxKeywordLength"/> characters are left out of the keyword
/// fields (Elasticsearch's <c>ignore_above</c>): a Lucene term holds at most 32,766 UTF-8 bytes.
/// </summary>
internal static class LogDocuments
{
    public const string Source = "_source";
    public const string FieldNames = "_field_names";
    public const int MaxKeywordLength = 8_000;

    private static readonly string[] AlwaysPresent = [F.Id, F.Timestamp, F.Level, F.Message, F.Service];

    public static Document From(LogRecord record)
    {
        var doc = new Document
        {
            new StoredField(Source, LogRecordJson.Serialize(record)),
            new Int64Field(F.Timestamp, record.TimestampNs, Field.Store.NO),
            new NumericDocValuesField(F.Timestamp, record.TimestampNs),
            new TextField(F.Message, record.Message, Field.Store.NO),
        };
        var names = new List<string>(AlwaysPresent);
        AddKeyword(doc, names, F.Id, record.Id);
        AddKeyword(doc, names, F.Level, SeverityNames.Of(record.Level));
        AddKeyword(doc, names, F.Service, record.Service);
        AddKeyword(doc, names, F.TraceId, record.TraceId);
        AddKeyword(doc, names, F.SpanId, record.SpanId);
        AddKeyword(doc, names, F.PatternId, record.PatternId);
        if (record.Message.Length <= MaxKeywordLength)
        {
            doc.Add(new StringField(F.MessageKeyword, record.Message, Field.Store.NO));
        }

        if (!string.IsNullOrEmpty(record.StackTrace))
        {
            doc.Add(new TextField(F.StackTrace, record.StackTrace, Field.Store.NO));
            names.Add(F.StackTrace);
        }

        foreach (var (name, value) in record.Labels)
        {
            AddKeyword(doc, names, F.LabelPrefix + name, value);
        }

        foreach (var (name, value) in record.Fields)
        {
            AddKeyword(doc, names, F.FieldPrefix + name, value);
        }

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(FieldNames, name, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FieldNames, new BytesRef(name)));
        }

        return doc;
    }

    public static LogRecord ToRecord(Document stored)
    {
        var json = stored.GetBinaryValue(Source);
        return LogRecordJson.Deserialize(json.Bytes.AsSpan(json.Offset, json.Length));
    }

    private static void AddKeyword(Document doc, List<string> names, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!AlwaysPresent.Contains(field))
        {
            names.Add(field);
        }

        if (value.Length > MaxKeywordLength)
        {
            return;
        }

        doc.Add(new StringField(field, value, Field.Store.NO));
        doc.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
