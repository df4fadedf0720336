using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Parsing;
using AirisEpm.LogService.Parsing.Internal;

namespace AirisEpm.LogService.Syslog;

/// <summary>
/// Turns one connection's syslog messages into records, in order. Each message goes through a
/// <see cref="MultilineAssembler"/>, so headerless continuation lines (a stack trace written line by
/// line after its record) join the record before them. The parser reads the syslog header: service
/// from APP-NAME (5424) or the tag (3164), host from HOSTNAME, facility as a field, severity as the
/// level. This adds the severity's own keyword as the <c>severity</c> field, since the level folds
/// emerg/alert/crit and notice/info together, and uses the peer's address as host when the message
/// names none (as rsyslog's <c>fromhost</c>). Ids are given here, before the first ingest attempt,
/// so a retried batch carries the same ids as the first attempt.
/// <para>A message is one record even when it holds newlines (octet counting allows them). One instance per connection: not thread-safe.</para>
/// </summary>
public sealed class SyslogRecordAssembler(RawLineParser parser, string peerAddress)
{
    private readonly MultilineAssembler _lines = new(parser);
    private readonly Dictionary<string, string> _peerLabels = new(StringComparer.Ordinal) { ["host"] = peerAddress };
    private bool _open;
    private int _openPriority;
    private long _openReceivedNs;

    /// <summary>True while a record waits for its possible continuation lines; <see cref="Flush"/> it when the connection goes quiet.</summary>
    public bool HasOpenRecord => _open;

    /// <summary>Adds one message; appends to <paramref name="output"/> the record it completed, if any.</summary>
    public void Push(string message, long receivedNs, List<LogRecord> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        var completed = _lines.Push(message, receivedNs);
        if (string.IsNullOrWhiteSpace(message)) return;
        // The assembler completes a record exactly when this message opens the next one.
        if (completed is not null) output.Add(ToRecord(completed));
        if (completed is not null || !_open)
        {
            _open = true;
            _openPriority = PriorityOf(message);
            _openReceivedNs = receivedNs;
        }
    }

    /// <summary>Completes the open record, if any, onto <paramref name="output"/>.</summary>
    public void Flush(List<LogRecord> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_lines.Flush() is { } draft) output.Add(ToRecord(draft));
        _open = false;
    }

    private LogRecord ToRecord(LogDraft draft)
    {
        // rsyslog relaying a BSD message in RFC 5424 keeps the space that followed the tag's colon.
        if (draft.Format == LineFormat.Syslog5424 && draft.Message.StartsWith(' ')) draft = draft with { Message = draft.Message.TrimStart(' ') };
        if (_openPriority >= 0 && draft.Format is LineFormat.Syslog5424 or LineFormat.Syslog3164)
        {
            draft = draft with { Fields = new Dictionary<string, string>(draft.Fields, StringComparer.Ordinal) { ["severity"] = SyslogPriority.SeverityName(_openPriority) } };
        }
        var timestampNs = draft.TimestampNs ?? _openReceivedNs;
        return draft.ToRecord(RecordIds.New(timestampNs), _openReceivedNs, draft.Service ?? ServiceNames.Unknown,
            draft.Host is null ? _peerLabels : LogDraft.EmptyFields);
    }

    private static int PriorityOf(string message)
    {
        var cursor = new LineCursor(message);
        return SyslogPriority.TryRead(ref cursor, out var priority) ? priority : -1;
    }
}
