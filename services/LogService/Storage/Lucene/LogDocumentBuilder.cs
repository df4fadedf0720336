using System.Text;
using AirisEpm.LogService.Domain;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Builds the documents of <see cref="LogDocuments"/> reusing one <see cref="Document"/> and its field instances
/// per thread, as Lucene's <c>IndexWriter</c> documentation advises: a new field allocates a new token stream
/// with its attribute maps on every value, a reused one keeps them. The document <see cref="Build"/> returns is
/// valid until the next call on the same thread, so index it before building the next (every caller does so
/// synchronously). Optional keyword fields (<c>labels.*</c>, <c>fields.*</c>) are kept per name; past
/// <see cref="MaxCachedNames"/> names the cache starts again, so producers inventing names cannot grow it.
/// </summary>
internal sealed class LogDocumentBuilder
{
    public const int MaxCachedNames = 1_024;

    [ThreadStatic]
    private static LogDocumentBuilder? _forThread;

    private readonly Document _document = [];
    private readonly StoredField _source = new(LogDocuments.Source, Array.Empty<byte>());
    private readonly Int64Field _timeBucket = new(LogDocuments.TimeBucket, 0L, LogDocuments.TimeBucketType);
    private readonly BytesRef _timeIdBytes = new(32);
    private readonly SortedDocValuesField _timeId;
    private readonly StringField _id = new(F.Id, string.Empty, Field.Store.NO);
    private readonly TextField _message = new(F.Message, string.Empty, Field.Store.NO);
    private readonly TextField _stackTrace = new(F.StackTrace, string.Empty, Field.Store.NO);
    private readonly BytesRef _messageHashBytes = new(ExactMessageQuery.HashBytes);
    private readonly SortedDocValuesField _messageHash;
    private readonly SortedSetDocValuesField _hasStackTrace = new(LogDocuments.FieldNames, new BytesRef(F.StackTrace));
    private readonly Keyword _level = new(F.Level);
    private readonly Keyword _service = new(F.Service);
    private readonly Keyword _traceId = new(F.TraceId);
    private readonly Keyword _spanId = new(F.SpanId);
    private readonly Keyword _patternId = new(F.PatternId);
    private readonly Dictionary<string, Keyword> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Keyword> _fields = new(StringComparer.Ordinal);
    private byte[] _utf8 = new byte[256];

    private LogDocumentBuilder()
    {
        _timeId = new SortedDocValuesField(TimeIdKey.Field, _timeIdBytes);
        _messageHash = new SortedDocValuesField(F.MessageKeyword, _messageHashBytes);
    }

    /// <summary>This thread's builder.</summary>
    public static LogDocumentBuilder ForThread => _forThread ??= new LogDocumentBuilder();

    /// <summary>
    /// The document for <paramref name="record"/>, whose JSON (<see cref="LogRecordJson.Serialize"/>) is <paramref name="source"/>.
    /// Its id must be at most <see cref="LogDocuments.MaxKeywordLength"/> characters (the store checks appends).
    /// </summary>
    public Document Build(LogRecord record, byte[] source)
    {
        var fields = _document.Fields;
        fields.Clear();
        _source.SetBytesValue(source);
        _timeBucket.SetInt64Value(LogDocuments.BucketOf(record.TimestampNs));
        TimeIdKey.Write(_timeIdBytes, record.TimestampNs, record.Id);
        _timeId.SetBytesValue(_timeIdBytes);
        _message.SetStringValue(record.Message);
        fields.Add(_source);
        fields.Add(_timeBucket);
        fields.Add(_timeId);
        fields.Add(_message);
        if (RecordIdQuery.NeedsIdTerm(record))
        {
            _id.SetStringValue(record.Id);
            fields.Add(_id);
        }

        _level.AddTo(_document, SeverityNames.Of(record.Level), optional: false);
        _service.AddTo(_document, record.Service, optional: false);
        _traceId.AddTo(_document, record.TraceId, optional: true);
        _spanId.AddTo(_document, record.SpanId, optional: true);
        _patternId.AddTo(_document, record.PatternId, optional: true);
        if (record.Message.Length <= ExactMessageQuery.MaxLength)
        {
            ExactMessageQuery.Write(_messageHashBytes, record.Message, ref _utf8);
            _messageHash.SetBytesValue(_messageHashBytes);
            fields.Add(_messageHash);
        }

        if (!string.IsNullOrEmpty(record.StackTrace))
        {
            _stackTrace.SetStringValue(record.StackTrace);
            fields.Add(_stackTrace);
            fields.Add(_hasStackTrace);
        }

        foreach (var (name, value) in record.Labels)
        {
            Named(_labels, F.LabelPrefix, name).AddTo(_document, value, optional: true);
        }

        foreach (var (name, value) in record.Fields)
        {
            Named(_fields, F.FieldPrefix, name).AddTo(_document, value, optional: true);
        }

        return _document;
    }

    private static Keyword Named(Dictionary<string, Keyword> cache, string prefix, string name)
    {
        if (cache.TryGetValue(name, out var keyword))
        {
            return keyword;
        }

        if (cache.Count >= MaxCachedNames)
        {
            cache.Clear();
        }

        keyword = new Keyword(prefix + name);
        cache.Add(name, keyword);
        return keyword;
    }

    /// <summary>One keyword field's reusable parts: the exact term, its sorted doc value and its <c>_field_names</c> entry.</summary>
    private sealed class Keyword(string field)
    {
        private readonly StringField _term = new(field, string.Empty, Field.Store.NO);
        private readonly BytesRef _bytes = new(16);
        private readonly SortedDocValuesField _value = new(field, new BytesRef());
        private readonly SortedSetDocValuesField _present = new(LogDocuments.FieldNames, new BytesRef(field));

        /// <summary>Adds the value unless it is null or longer than <see cref="LogDocuments.MaxKeywordLength"/> (an optional field is then named in <c>_field_names</c>).</summary>
        public void AddTo(Document document, string? value, bool optional)
        {
            if (value is null)
            {
                return;
            }

            // A value's doc values name its field for the field facets (FieldPresenceCollector); one too long to
            // index has none, so it is named in _field_names instead.
            if (value.Length > LogDocuments.MaxKeywordLength)
            {
                if (optional)
                {
                    document.Fields.Add(_present);
                }

                return;
            }

            _bytes.Length = 0;
            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_bytes.Bytes.Length < length)
            {
                _bytes.Bytes = new byte[Math.Max(length, _bytes.Bytes.Length * 2)];
            }

            _bytes.Length = Encoding.UTF8.GetBytes(value, 0, value.Length, _bytes.Bytes, 0);
            _term.SetStringValue(value);
            _value.SetBytesValue(_bytes);
            document.Fields.Add(_term);
            document.Fields.Add(_value);
        }
    }
}
