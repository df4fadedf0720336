using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Apache httpd's error log: <c>[Www Mmm dd HH:mm:ss[.ffffff] yyyy] [[module:]level] [pid N[:tid M]] [client addr[:port]] msg</c>
/// (2.2 writes only the first two brackets). pid, tid, module and client become fields and leave
/// the message, so messages group into patterns regardless of who connected.
/// </summary>
internal static class ApacheErrorFormat
{
    public static LogDraft? TryParse(string line, ParserLimits limits)
    {
        var c = new LineCursor(line);
        if (!c.TryChar('[') || !TimestampScanner.TryCtime(ref c, out var ns) || !c.TryChar(']') || !c.TryChar(' ')
            || !c.TryBracketed(out var levelPart, maxLength: 64))
        {
            return null;
        }
        var colon = levelPart.LastIndexOf(':');
        var level = SeverityParser.Parse(colon < 0 ? levelPart : levelPart[(colon + 1)..]);
        if (level == Severity.Unknown) return null;
        var builder = new DraftBuilder(LineFormat.ApacheError, limits) { TimestampNs = ns, Level = level };
        if (colon > 0) builder.AddField("module", levelPart[..colon]);
        c.SkipSpaces();
        if (c.Rest.StartsWith("[pid ") && c.TryBracketed(out var process, maxLength: 64))
        {
            var ids = process[4..];
            var tid = ids.IndexOf(":tid ");
            builder.AddField("pid", tid < 0 ? ids : ids[..tid]);
            if (tid >= 0) builder.AddField("tid", ids[(tid + 5)..]);
            c.SkipSpaces();
        }
        if (c.Rest.StartsWith("[client ") && c.TryBracketed(out var client, maxLength: 128))
        {
            builder.AddField("client", client[7..]);
            c.SkipSpaces();
        }
        builder.Message = c.Rest.TrimEnd().ToString();
        return builder.Build(line);
    }
}
