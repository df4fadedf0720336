using System.Buffers;
using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// BSD syslog (RFC 3164) as senders and files really write it: <c>[&lt;PRI&gt;]TIMESTAMP HOST TAG[PID]: MSG</c>,
/// the timestamp either <c>Mmm dd HH:mm:ss</c> (year from the receive time) or RFC 3339 (rsyslog's
/// forwarding and high-precision file formats). The tag is what precedes the first ':' or '[' in
/// the next 48 characters, as LogHub and rsyslog's programname read it (so <c>syslogd 1.4.1: restart.</c>
/// has the tag <c>syslogd 1.4.1</c>); without one the rest is the message. With a PRI the level
/// comes from it, otherwise from a level word at the start of the message (sshd's <c>error: ...</c>).
/// </summary>
internal static class Syslog3164Format
{
    private const int MaxTagLength = 48;
    private static readonly SearchValues<char> HostNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:");

    /// <summary>A line starting with <c>&lt;PRI&gt;</c> or with a month name.</summary>
    public static LogDraft? TryParse(string line, long receivedNs, ParserLimits limits)
    {
        var c = new LineCursor(line);
        var hasPriority = SyslogPriority.TryRead(ref c, out var priority);
        long ns;
        if (!(TimestampScanner.TryRfc3164(ref c, receivedNs, out ns) || (hasPriority && TimestampScanner.TryIso(ref c, out ns, allowDetachedZone: false))))
        {
            if (!hasPriority) return null;
            // A PRI and no timestamp (`logger -n` without --rfc3164): still syslog, the rest is the message.
            var bare = new DraftBuilder(LineFormat.Syslog3164, limits) { Level = SeverityParser.FromSyslog(priority & 7), Message = c.Rest.Trim().ToString() };
            bare.AddField("facility", SyslogPriority.FacilityName(priority));
            return bare.Build(line);
        }
        if (!c.TryChar(' ')) return null;
        var builder = new DraftBuilder(LineFormat.Syslog3164, limits) { TimestampNs = ns };
        if (hasPriority)
        {
            builder.Level = SeverityParser.FromSyslog(priority & 7);
            builder.AddField("facility", SyslogPriority.FacilityName(priority));
        }
        if (!TryHostTagMessage(ref c, builder, requireTag: false)) return null;
        if (!hasPriority) builder.Level = LeadingLevel.Find(builder.Message);
        return builder.Build(line);
    }

    /// <summary>
    /// rsyslog's RFC 3339 file format without a PRI (<c>2024-01-02T03:04:05.678901+00:00 host sshd[1]: msg</c>).
    /// Application lines start with timestamps too, so this takes only the precise shape rsyslog
    /// writes (a 'T', a fraction and a zone), a host that is not a level word, and a tag.
    /// </summary>
    public static LogDraft? TryParseRfc3339File(string line, ParserLimits limits)
    {
        if (line.Length < 27 || line[10] != 'T' || line[19] != '.') return null;
        var c = new LineCursor(line);
        if (!TimestampScanner.TryIso(ref c, out var ns, allowDetachedZone: false) || line[c.Pos - 1] is not ('Z' or (>= '0' and <= '9'))
            || line.AsSpan(19, c.Pos - 19).IndexOfAny('+', '-', 'Z') < 0 || !c.TryChar(' '))
        {
            return null;
        }
        var builder = new DraftBuilder(LineFormat.Syslog3164, limits) { TimestampNs = ns };
        if (!TryHostTagMessage(ref c, builder, requireTag: true)) return null;
        builder.Level = LeadingLevel.Find(builder.Message);
        return builder.Build(line);
    }

    private static bool TryHostTagMessage(ref LineCursor c, DraftBuilder builder, bool requireTag)
    {
        var host = c.Token();
        if (host.IsEmpty || (requireTag && !IsHostName(host))) return false;
        builder.Host = host.ToString();
        c.SkipSpaces();
        var rest = c.Rest;
        var window = rest[..Math.Min(rest.Length, MaxTagLength)];
        var end = window.IndexOfAny(':', '[');
        if (end > 0 && TryTag(rest, end, builder, out var messageStart))
        {
            builder.Message = rest[messageStart..].Trim().ToString();
            return true;
        }
        if (requireTag) return false;
        builder.Message = rest.TrimEnd().ToString();
        return true;
    }

    /// <summary><c>tag: </c> or <c>tag[pid]: </c> (the colon may be missing after <c>[pid]</c>).</summary>
    private static bool TryTag(ReadOnlySpan<char> rest, int end, DraftBuilder builder, out int messageStart)
    {
        messageStart = 0;
        var tag = rest[..end].TrimEnd();
        if (tag.IsEmpty || tag.ContainsAny('"', '=')) return false;
        var c = new LineCursor(rest, end);
        if (c.TryChar('['))
        {
            var pidStart = c.Pos;
            var close = c.Rest.IndexOf(']');
            if (close <= 0 || close > 20) return false;
            c.Pos += close + 1;
            builder.AddField("pid", rest[pidStart..(c.Pos - 1)]);
            c.TryChar(':');
        }
        else if (!c.TryChar(':'))
        {
            return false;
        }
        if (!c.AtSpaceOrEnd) return false;
        builder.Service = tag.ToString();
        messageStart = c.Pos;
        return true;
    }

    private static bool IsHostName(ReadOnlySpan<char> host) =>
        !host.ContainsAnyExcept(HostNameChars) && SeverityParser.Parse(host) == Severity.Unknown;
}
