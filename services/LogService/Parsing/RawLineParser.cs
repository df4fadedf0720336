using AirisEpm.LogService.Parsing.Internal;

namespace AirisEpm.LogService.Parsing;

/// <summary>
/// Turns one line of text into a <see cref="LogDraft"/>; never throws and always returns a draft.
/// Stateless and thread-safe: one instance serves every request.
/// <para>
/// Formats are chosen by the line's first character, then tried in an order where each needs
/// punctuation the later ones cannot have, so none can take another's line:
/// </para>
/// <list type="number">
/// <item><c>{</c> (after optional whitespace): JSON. Only JSON starts with a brace; a line that is
/// not exactly one valid object falls through to plain text.</item>
/// <item><c>&lt;digits&gt;</c>: syslog. <c>&lt;PRI&gt;1 </c> is RFC 5424 (its version digit and space
/// cannot start a 3164 timestamp), anything else RFC 3164.</item>
/// <item><c>[</c>: Serilog console (<c>[HH:mm:ss LVL]</c>), Apache error log (<c>[Www Mmm ...]</c>, a
/// weekday cannot start a clock), then a bracketed application timestamp (Kafka).</item>
/// <item>a digit: rsyslog's RFC 3339 file format (needs 'T', a fraction, a zone, a host that is
/// not a level word and a tag, which application layouts never have after their timestamp), then
/// application lines (a timestamp at column 0), then access logs (an IP address is not a timestamp:
/// <c>10.0.0.1</c> has no '-', '/' or ':' where a date or clock has them).</item>
/// <item>a letter: klog (<c>L</c>+4 digits+space), MEL console (<c>info: </c>...<c>[id]</c>), RFC 3164
/// without PRI (month name + day + clock), an access log with a host name as client (needs the
/// <c>[dd/Mmm/yyyy:</c> bracket as its fourth token), and last logfmt (every token <c>key=value</c>),
/// whose rule is the loosest, so any line a stricter format recognised never reaches it.</item>
/// <item>anything else, and what nothing matched: plain text with a leading level word.</item>
/// </list>
/// Lines starting with whitespace are continuation lines (stack frames, MEL messages): only JSON
/// is tried on them, otherwise they are plain text for <see cref="MultilineAssembler"/> to join.
/// </summary>
public sealed class RawLineParser
{
    public RawLineParser(ParserLimits? limits = null)
    {
        Limits = limits ?? ParserLimits.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Limits.MaxStructuredLineChars, 1, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limits.MaxJsonDepth, 1, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limits.MaxFlattenDepth, 1, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limits.MaxFields, 1, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limits.MaxStackLines, 0, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limits.MaxStackChars, 0, nameof(limits));
    }

    public ParserLimits Limits { get; }

    /// <param name="line">One line without its line terminator (a trailing '\r' is ignored).</param>
    /// <param name="receivedNs">When the line arrived (Unix ns): the year or day of timestamps that lack one.</param>
    public LogDraft Parse(string line, long receivedNs)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.EndsWith('\r')) line = line[..^1];
        if (line.Length == 0 || line.Length > Limits.MaxStructuredLineChars) return Plain(line);
        return TryStructured(line, receivedNs) ?? Plain(line);
    }

    private LogDraft? TryStructured(string line, long receivedNs)
    {
        var first = line[0];
        if (char.IsWhiteSpace(first))
        {
            var trimmed = line.AsSpan().TrimStart();
            return !trimmed.IsEmpty && trimmed[0] == '{' ? JsonLineFormat.TryParse(line, trimmed, Limits) : null;
        }
        if (first == '{') return JsonLineFormat.TryParse(line, line, Limits);
        if (first == '<' && line.Length > 1 && char.IsAsciiDigit(line[1]))
        {
            return Syslog5424Format.TryParse(line, Limits) ?? Syslog3164Format.TryParse(line, receivedNs, Limits);
        }
        if (first == '[')
        {
            return SerilogConsoleFormat.TryParse(line, receivedNs, Limits)
                ?? ApacheErrorFormat.TryParse(line, Limits)
                ?? ApplicationFormat.TryParse(line, receivedNs, Limits);
        }
        if (char.IsAsciiDigit(first))
        {
            return Syslog3164Format.TryParseRfc3339File(line, Limits)
                ?? ApplicationFormat.TryParse(line, receivedNs, Limits)
                ?? AccessLogFormat.TryParse(line, Limits);
        }
        if (char.IsAsciiLetter(first))
        {
            return (char.IsAsciiDigit(line.Length > 1 ? line[1] : ' ') ? KlogFormat.TryParse(line, receivedNs, Limits) : null)
                ?? MelConsoleFormat.TryParse(line, 0, null, Limits)
                ?? Syslog3164Format.TryParse(line, receivedNs, Limits)
                ?? AccessLogFormat.TryParse(line, Limits)
                ?? (LogfmtFormat.LooksLikeLogfmt(line) ? LogfmtFormat.TryParse(line, Limits) : null);
        }
        // IPv6 clients ("::1 - - [...") are the one access-log shape starting with punctuation.
        return first == ':' ? AccessLogFormat.TryParse(line, Limits) : null;
    }

    private LogDraft Plain(string line) =>
        new DraftBuilder(LineFormat.Plain, Limits) { Level = LeadingLevel.Find(line) }.Build(line);
}
