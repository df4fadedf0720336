using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Microsoft.Extensions.Logging's console formatter: <c>info: Category[EventId]</c>, the message on
/// the next line indented by six spaces (<see cref="MultilineAssembler"/> joins the two), or on the
/// same line after a space with <c>SingleLine = true</c>. Levels are MEL's four-letter names.
/// </summary>
internal static class MelConsoleFormat
{
    /// <summary>Where the message text starts on the next lines, after MEL's padding.</summary>
    public const string MessagePadding = "      ";

    public static LogDraft? TryParse(string line, int start, long? timestampNs, ParserLimits limits)
    {
        var c = new LineCursor(line, start);
        if (c.Pos + 6 > line.Length || line[c.Pos + 4] != ':' || line[c.Pos + 5] != ' ') return null;
        var level = line.AsSpan(c.Pos, 4) switch
        {
            "trce" => Severity.Trace,
            "dbug" => Severity.Debug,
            "info" => Severity.Info,
            "warn" => Severity.Warn,
            "fail" => Severity.Error,
            "crit" => Severity.Fatal,
            _ => Severity.Unknown,
        };
        if (level == Severity.Unknown) return null;
        c.Pos += 6;
        var categoryStart = c.Pos;
        var open = c.Rest.IndexOf('[');
        if (open <= 0) return null;
        c.Pos += open + 1;
        var idStart = c.Pos;
        if (!c.TryNumber(10, out _) || !c.TryChar(']') || !c.AtSpaceOrEnd) return null;
        var builder = new DraftBuilder(LineFormat.MelConsole, limits)
        {
            TimestampNs = timestampNs,
            Level = level,
            Logger = line[categoryStart..(idStart - 1)],
            Message = c.Rest.Trim().ToString(),
        };
        builder.AddField("event_id", line.AsSpan(idStart, c.Pos - 1 - idStart));
        return builder.Build(line);
    }
}
