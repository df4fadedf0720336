using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Collects one line's parts while a format reads it, then finishes the draft: trace context from
/// the fields, else a traceparent anywhere in the line; the <see cref="ParserLimits.MaxFields"/>
/// overflow rule; the line itself as the message when the format found none.
/// </summary>
internal sealed class DraftBuilder(LineFormat format, ParserLimits limits)
{
    private Dictionary<string, string>? _fields;
    private bool _fieldsOverflowed;

    public LineFormat Format { get; set; } = format;

    public long? TimestampNs { get; set; }

    public Severity Level { get; set; }

    public string? Message { get; set; }

    public string? Service { get; set; }

    public string? Host { get; set; }

    public string? Logger { get; set; }

    public string? Thread { get; set; }

    public string? StackTrace { get; set; }

    public string? TraceId { get; set; }

    public string? SpanId { get; set; }

    /// <summary>Adds or replaces a field (a repeated key keeps its last value, as logfmt and JSON readers do).</summary>
    public void AddField(string key, string value)
    {
        _fields ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_fields.Count >= limits.MaxFields && !_fields.ContainsKey(key))
        {
            _fieldsOverflowed = true;
            return;
        }
        _fields[key] = value;
    }

    public void AddField(string key, ReadOnlySpan<char> value) => AddField(key, value.ToString());

    public LogDraft Build(string line)
    {
        var fields = _fields;
        if (fields is { Count: > 0 } && TraceId is null && SpanId is null)
        {
            var fromFields = TraceContextParser.FromFields(fields);
            TraceId = fromFields.TraceId;
            SpanId = fromFields.SpanId;
        }
        if (TraceId is null && TraceContextParser.TryFindTraceparent(line, out var found))
        {
            TraceId = found.TraceId;
            SpanId ??= found.SpanId;
        }
        if (_fieldsOverflowed) fields!["raw"] = line;
        return new LogDraft
        {
            Message = Message ?? line.TrimEnd(),
            Format = Format,
            TimestampNs = TimestampNs,
            Level = Level,
            Service = Service,
            Host = Host,
            Logger = Logger,
            Thread = Thread,
            StackTrace = StackTrace,
            TraceId = TraceId,
            SpanId = SpanId,
            Fields = fields is { Count: > 0 } ? fields : LogDraft.EmptyFields,
        };
    }
}
