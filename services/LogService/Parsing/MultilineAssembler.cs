using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing.Internal;

namespace AirisEpm.LogService.Parsing;

/// <summary>
/// Joins continuation lines to the record they belong to: the first line is parsed as the record
/// (and stays its message) and the rest become its <see cref="LogDraft.StackTrace"/>. A line continues
/// the open record when
/// <list type="bullet">
/// <item>it starts with whitespace and the open record looks like a header (any format but JSON,
/// logfmt and access logs, which are one line by construction, or a plain line with a level or
/// that starts a stack): Java <c>\tat</c>, .NET <c>   at</c>, Python frames, MEL's message lines;</item>
/// <item>it is a stack marker at column 0: <c>Caused by:</c>, <c>... N more</c>, <c>--- End of ...</c>,
/// <c>Traceback (most recent call last):</c>, Python's chaining sentences, <c>goroutine N [...]:</c>;</item>
/// <item>it is an exception's first line (<c>java.io.IOException: disk</c>) after such a header;</item>
/// <item>inside a Python traceback, it is the exception line ending it (<c>ValueError: bad</c>) and not a record of its own;</item>
/// <item>inside a goroutine dump, it is a Go function line (<c>main.main()</c>, <c>created by ...</c>).</item>
/// </list>
/// Blank lines are held and kept only when a continuation follows them. For MEL's two-line records
/// the first continuation is the message (its six-space padding removed) and the rest the stack.
/// <para>
/// Use <see cref="Push"/> line by line on a stream (syslog over TCP) and <see cref="Flush"/> when it
/// goes idle or closes, since the open record is only complete once the next one starts; or
/// <see cref="Assemble"/> for a whole body. Past <see cref="ParserLimits.MaxStackLines"/> or
/// <see cref="ParserLimits.MaxStackChars"/> the record is closed and the next line starts a new one
/// that takes continuations in turn, so nothing is dropped. One instance per stream: not thread-safe.
/// </para>
/// </summary>
public sealed class MultilineAssembler(RawLineParser parser)
{
    private enum Mode
    {
        None,
        PythonFrames,
        GoStack,
    }

    private readonly ParserLimits _limits = parser.Limits;
    private readonly List<string> _continuation = [];
    private LogDraft? _open;
    private bool _openTakesContinuations;
    private bool _awaitingMelMessage;
    private string? _melMessage;
    private int _continuationChars;
    private int _pendingBlankLines;
    private Mode _mode;

    /// <summary>Adds the next line; returns the record it completed, if it started a new one.</summary>
    public LogDraft? Push(string line, long receivedNs)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.EndsWith('\r')) line = line[..^1];
        if (string.IsNullOrWhiteSpace(line))
        {
            if (_open is not null && _pendingBlankLines < _limits.MaxStackLines) _pendingBlankLines++;
            return null;
        }
        var indented = char.IsWhiteSpace(line[0]);
        var kind = indented ? StackLine.None : StackLines.Classify(line);
        LogDraft? parsed = null;
        var overflowed = false;
        if (_open is not null && Continues(line, indented, kind, receivedNs, ref parsed))
        {
            if (Fits(line))
            {
                Append(line);
                return null;
            }
            overflowed = true;
        }
        var completed = Flush();
        Open(parsed ?? parser.Parse(line, receivedNs), kind, overflowed);
        return completed;
    }

    /// <summary>Completes and returns the open record, if any.</summary>
    public LogDraft? Flush()
    {
        if (_open is null) return null;
        var record = _open;
        if (_melMessage is not null) record = record with { Message = _melMessage };
        if (_continuation.Count > 0)
        {
            var stack = string.Join('\n', _continuation);
            record = record with { StackTrace = record.StackTrace is null ? stack : string.Concat(record.StackTrace, "\n", stack) };
        }
        _open = null;
        _continuation.Clear();
        _continuationChars = 0;
        _pendingBlankLines = 0;
        _melMessage = null;
        _awaitingMelMessage = false;
        _mode = Mode.None;
        return record;
    }

    /// <summary>Every record of <paramref name="lines"/>, flushing at the end.</summary>
    public IEnumerable<LogDraft> Assemble(IEnumerable<string> lines, long receivedNs)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            if (Push(line, receivedNs) is { } record) yield return record;
        }
        if (Flush() is { } last) yield return last;
    }

    /// <summary>The records of a whole text body, split on '\n' (a '\r' before it is dropped).</summary>
    public static IReadOnlyList<LogDraft> ParseText(RawLineParser parser, string text, long receivedNs)
    {
        ArgumentNullException.ThrowIfNull(text);
        var assembler = new MultilineAssembler(parser);
        var records = new List<LogDraft>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            if (assembler.Push(text[start..end], receivedNs) is { } record) records.Add(record);
            if (newline < 0) break;
            start = newline + 1;
        }
        if (assembler.Flush() is { } last) records.Add(last);
        return records;
    }

    private bool Fits(string line) =>
        _continuation.Count + _pendingBlankLines < _limits.MaxStackLines
        && (long)_continuationChars + line.Length + _pendingBlankLines + 1 <= _limits.MaxStackChars;

    private bool Continues(string line, bool indented, StackLine kind, long receivedNs, ref LogDraft? parsed)
    {
        if (indented) return _openTakesContinuations || _mode != Mode.None;
        switch (kind)
        {
            case StackLine.Marker:
                return true;
            case StackLine.PythonTraceback:
                _mode = Mode.PythonFrames;
                return true;
            case StackLine.Goroutine:
                _mode = Mode.GoStack;
                return true;
        }
        if (_mode == Mode.GoStack && StackLines.IsGoStackLine(line)) return true;
        if (_mode == Mode.PythonFrames)
        {
            parsed = parser.Parse(line, receivedNs);
            if (parsed.Format != LineFormat.Plain) return false;
            parsed = null;
            _mode = Mode.None;
            return true;
        }
        return kind == StackLine.Exception && _openTakesContinuations;
    }

    private void Append(string line)
    {
        if (_awaitingMelMessage)
        {
            _awaitingMelMessage = false;
            _melMessage = line.Trim();
            _pendingBlankLines = 0;
            return;
        }
        for (; _pendingBlankLines > 0; _pendingBlankLines--) _continuation.Add("");
        if (_open!.Format == LineFormat.MelConsole && line.StartsWith(MelConsoleFormat.MessagePadding, StringComparison.Ordinal))
        {
            line = line[MelConsoleFormat.MessagePadding.Length..];
        }
        _continuation.Add(line);
        _continuationChars += line.Length + 1;
    }

    private void Open(LogDraft draft, StackLine kind, bool overflowed)
    {
        _open = draft;
        _mode = kind switch
        {
            StackLine.PythonTraceback => Mode.PythonFrames,
            StackLine.Goroutine => Mode.GoStack,
            _ => Mode.None,
        };
        _openTakesContinuations = overflowed || kind != StackLine.None || draft.Format switch
        {
            LineFormat.Json or LineFormat.Logfmt or LineFormat.AccessLog => false,
            LineFormat.Plain => draft.Level != Severity.Unknown,
            _ => true,
        };
        _awaitingMelMessage = draft.Format == LineFormat.MelConsole && draft.Message.Length == 0;
    }
}
