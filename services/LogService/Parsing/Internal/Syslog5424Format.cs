using System.Text;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// RFC 5424: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]</c>, '-' for
/// a missing header field. Structured data becomes fields named <c>{SD-ID}.{PARAM}</c>
/// (<c>exampleSDID@32473.iut</c>) with RFC escapes decoded. Malformed structured data is kept as
/// the start of the message rather than failing the whole line; the UTF-8 BOM before MSG is dropped.
/// </summary>
internal static class Syslog5424Format
{
    public static LogDraft? TryParse(string line, ParserLimits limits)
    {
        var c = new LineCursor(line);
        if (!SyslogPriority.TryRead(ref c, out var priority) || !c.TryChar('1') || !c.TryChar(' ')) return null;
        var builder = new DraftBuilder(LineFormat.Syslog5424, limits) { Level = SeverityParser.FromSyslog(priority & 7) };
        builder.AddField("facility", SyslogPriority.FacilityName(priority));
        if (!c.TryChar('-'))
        {
            if (!TimestampScanner.TryIso(ref c, out var ns, allowDetachedZone: false)) return null;
            builder.TimestampNs = ns;
        }
        if (!c.TryChar(' ')) return null;
        builder.Host = NilOr(c.Token());
        if (!c.TryChar(' ')) return null;
        builder.Service = NilOr(c.Token());
        if (!c.TryChar(' ')) return null;
        if (NilOr(c.Token()) is { } procId) builder.AddField("pid", procId);
        if (!c.TryChar(' ')) return null;
        if (NilOr(c.Token()) is { } msgId) builder.AddField("msgid", msgId);
        if (!c.TryChar(' ')) return null;
        if (!c.TryChar('-'))
        {
            var sdStart = c;
            if (!TryStructuredData(ref c, builder))
            {
                c = sdStart;
                builder.Message = c.Rest.TrimEnd().ToString();
                return builder.Build(line);
            }
        }
        c.TryChar(' ');
        var message = c.Rest;
        if (message.StartsWith('\uFEFF')) message = message[1..];
        builder.Message = message.TrimEnd().ToString();
        return builder.Build(line);
    }

    private static string? NilOr(ReadOnlySpan<char> token) => token is "-" || token.IsEmpty ? null : token.ToString();

    /// <summary>One or more <c>[SD-ID (SP PARAM="VALUE")*]</c>; commits fields only when all elements are well formed.</summary>
    private static bool TryStructuredData(ref LineCursor c, DraftBuilder builder)
    {
        var pairs = new List<(string Key, string Value)>();
        var t = c;
        while (t.Current == '[')
        {
            t.Pos++;
            var idStart = t.Pos;
            while (!t.AtEnd && t.Current is not (' ' or ']' or '=' or '"')) t.Pos++;
            if (t.Pos == idStart) return false;
            var id = t.Text[idStart..t.Pos].ToString();
            while (t.TryChar(' '))
            {
                var nameStart = t.Pos;
                while (!t.AtEnd && t.Current is not (' ' or ']' or '=' or '"')) t.Pos++;
                var name = t.Text[nameStart..t.Pos];
                if (name.IsEmpty || !t.TryChar('=') || !t.TryQuoted(out var value)) return false;
                pairs.Add((string.Concat(id, ".", name), Unescape(value)));
            }
            if (!t.TryChar(']')) return false;
        }
        if (!t.AtSpaceOrEnd) return false;
        foreach (var (key, value) in pairs) builder.AddField(key, value);
        c = t;
        return true;
    }

    /// <summary>Inside PARAM-VALUE only <c>\"</c>, <c>\\</c> and <c>\]</c> are escapes; a backslash before anything else is literal.</summary>
    private static string Unescape(ReadOnlySpan<char> value)
    {
        if (!value.Contains('\\')) return value.ToString();
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] is '"' or '\\' or ']') i++;
            text.Append(value[i]);
        }
        return text.ToString();
    }
}
