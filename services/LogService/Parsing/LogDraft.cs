using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing;

/// <summary>
/// What parsing one record's text produced, before the ingest path gives it an id, a pattern and
/// its stream labels. Missing parts are null: <see cref="TimestampNs"/> (Unix ns, UTC) is null when
/// the line carried no time, and the caller substitutes the receive time.
/// </summary>
public sealed record LogDraft
{
    public required string Message { get; init; }

    public required LineFormat Format { get; init; }

    public long? TimestampNs { get; init; }

    public Severity Level { get; init; }

    public string? Service { get; init; }

    public string? Host { get; init; }

    public string? Logger { get; init; }

    public string? Thread { get; init; }

    public string? TraceId { get; init; }

    public string? SpanId { get; init; }

    /// <summary>Continuation lines (stack frames, caused-by chains) joined with '\n'; null for one-line records.</summary>
    public string? StackTrace { get; init; }

    /// <summary>Every key/value the line carried that has no property above; never null.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = EmptyFields;

    internal static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>(0);

    /// <summary>
    /// The stored record. The draft's service wins over <paramref name="defaultService"/> (the stream's
    /// service label). Host goes to the labels unless the stream already names one (the stream's
    /// labels describe where the line was collected and win); logger and thread go to the fields.
    /// </summary>
    public LogRecord ToRecord(string id, long receivedNs, string defaultService, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        IReadOnlyDictionary<string, string> recordLabels = labels;
        if (Host is not null && !labels.ContainsKey("host"))
        {
            recordLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal) { ["host"] = Host };
        }
        IReadOnlyDictionary<string, string> fields = Fields;
        if (Logger is not null || Thread is not null)
        {
            var merged = new Dictionary<string, string>(Fields, StringComparer.Ordinal);
            if (Logger is not null) merged.TryAdd("logger", Logger);
            if (Thread is not null) merged.TryAdd("thread", Thread);
            fields = merged;
        }
        return new LogRecord(id, TimestampNs ?? receivedNs, Level, Message, Service ?? defaultService, TraceId, SpanId,
            recordLabels, fields, StackTrace: StackTrace);
    }
}
