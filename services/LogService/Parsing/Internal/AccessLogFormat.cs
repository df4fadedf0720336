using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Apache/Nginx Common and Combined Log Format:
/// <c>client ident user [dd/Mmm/yyyy:HH:mm:ss zone] "METHOD url PROTOCOL" status bytes ["referer" "user-agent"]</c>.
/// The whole line stays the message (an access line has no message apart from its fields); the
/// level follows the status: 5xx error, 4xx warn, anything else info. Text after the combined
/// fields (Nginx custom formats) is kept in <c>extra</c>.
/// </summary>
internal static class AccessLogFormat
{
    public static LogDraft? TryParse(string line, ParserLimits limits)
    {
        var c = new LineCursor(line);
        var client = c.Token();
        if (client.IsEmpty || !c.TryChar(' ')) return null;
        var ident = c.Token();
        if (ident.IsEmpty || !c.TryChar(' ')) return null;
        var user = c.Token();
        if (user.IsEmpty || !c.TryChar(' ') || !c.TryChar('[') || !TimestampScanner.TryClf(ref c, out var ns) || !c.TryChar(']') || !c.TryChar(' ')
            || !c.TryQuoted(out var request) || !c.TryChar(' ') || !c.TryDigits(3, out var status) || !c.TryChar(' '))
        {
            return null;
        }
        var bytes = c.Token();
        if (bytes.IsEmpty || (bytes is not "-" && bytes.ContainsAnyExceptInRange('0', '9'))) return null;

        var builder = new DraftBuilder(LineFormat.AccessLog, limits) { TimestampNs = ns, Message = line.TrimEnd(), Level = LevelOf(status) };
        builder.AddField("client", client);
        if (ident is not "-") builder.AddField("ident", ident);
        if (user is not "-") builder.AddField("user", user);
        AddRequest(builder, request);
        builder.AddField("status_code", status.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
        builder.AddField("bytes", bytes is "-" ? "0" : bytes);
        c.SkipSpaces();
        if (c.TryQuoted(out var referer))
        {
            if (referer is not "-") builder.AddField("referer", referer);
            c.SkipSpaces();
            if (c.TryQuoted(out var userAgent) && userAgent is not "-") builder.AddField("user_agent", userAgent);
        }
        c.SkipSpaces();
        if (!c.AtEnd) builder.AddField("extra", c.Rest.TrimEnd());
        return builder.Build(line);
    }

    private static void AddRequest(DraftBuilder builder, ReadOnlySpan<char> request)
    {
        var firstSpace = request.IndexOf(' ');
        var lastSpace = request.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace)
        {
            // "-" or a probe that is not HTTP at all: keep what was sent.
            if (request is not "-" && !request.IsEmpty) builder.AddField("url", request);
            return;
        }
        var url = request[(firstSpace + 1)..lastSpace];
        builder.AddField("method", request[..firstSpace]);
        builder.AddField("url", url);
        var query = url.IndexOf('?');
        builder.AddField("path", query < 0 ? url : url[..query]);
        builder.AddField("protocol", request[(lastSpace + 1)..]);
    }

    private static Severity LevelOf(int status) => status switch
    {
        >= 500 and <= 599 => Severity.Error,
        >= 400 and <= 499 => Severity.Warn,
        _ => Severity.Info,
    };
}
